import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { redisOptionsFromUrl } from '../../src/common/redis/redis-options';
import { DB_PREFIX } from './databases';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/**
 * Every Redis key the test apps of this run write starts with this. The colon
 * after the prefix (which cannot contain one) keeps another run's keys out:
 * `rongrian_test_2`'s namespace does not start with `rongrian_test`'s.
 */
export const RUN_REDIS_NAMESPACE = `rongrian-test:${DB_PREFIX}:`;

/** Each app gets a namespace of its own inside the run's, so that apps side by side never share a queue. */
export function appRedisPrefix(): string {
  return `${RUN_REDIS_NAMESPACE}${randomBytes(4).toString('hex')}`;
}

/** Redis glob syntax taken literally. */
function literalPattern(text: string): string {
  return text.replace(/[*?[\]\\^]/g, '\\$&');
}

async function withRedis<T>(url: string, fn: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis({ ...redisOptionsFromUrl(url), lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  try {
    return await fn(redis);
  } finally {
    redis.disconnect();
  }
}

/**
 * Visits every key under `namespace` with SCAN, never KEYS: the server is
 * shared, and KEYS would block everyone else's tests while it walks the keyspace.
 */
async function scanNamespace(redis: Redis, namespace: string, visit: (keys: string[]) => Promise<unknown>): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${literalPattern(namespace)}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await visit(keys);
  } while (cursor !== '0');
}

/** Deletes every key under `namespace` (queues, job schedulers, rate-limit counters); returns how many. */
export function unlinkNamespace(namespace: string, url = TEST_REDIS_URL): Promise<number> {
  return withRedis(url, async (redis) => {
    let removed = 0;
    await scanNamespace(redis, namespace, async (keys) => {
      removed += await redis.unlink(...keys);
    });
    return removed;
  });
}

export function countNamespace(namespace: string, url = TEST_REDIS_URL): Promise<number> {
  return withRedis(url, async (redis) => {
    const seen = new Set<string>();
    await scanNamespace(redis, namespace, async (keys) => keys.forEach((k) => seen.add(k)));
    return seen.size;
  });
}
