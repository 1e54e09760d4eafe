import Redis from 'ioredis';
import request from 'supertest';
import { redisOptionsFromUrl } from '../../src/common/redis/redis-options';
import { complaintBody } from './factories';
import { countNamespace, RUN_REDIS_NAMESPACE, TEST_REDIS_URL, unlinkNamespace } from './redis-keys';
import { startTestApp } from './test-app';

describe('the Redis cleanup that the test teardown relies on', () => {
  // Namespaces of their own inside this run's: the apps of test files running alongside keep their keys.
  const mine = `${RUN_REDIS_NAMESPACE}cleanup-check:`;
  const neighbour = `${RUN_REDIS_NAMESPACE}cleanup-check-2:`;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(redisOptionsFromUrl(TEST_REDIS_URL));
  });
  afterAll(async () => {
    await unlinkNamespace(mine);
    await unlinkNamespace(neighbour);
    redis.disconnect();
  });

  it('removes every key of a namespace, past one SCAN page and of every type, and none of a namespace that only starts alike', async () => {
    const write = redis.pipeline();
    for (let i = 0; i < 2500; i++) write.set(`${mine}k${i}`, 'x');
    write.hset(`${mine}hash`, 'f', 'v').zadd(`${mine}zset`, 1, 'm').xadd(`${mine}stream`, '*', 'f', 'v');
    write.set(`${neighbour}k`, 'x').set(`${mine.slice(0, -1)}`, 'the namespace without its colon');
    await write.exec();

    expect(await countNamespace(mine)).toBe(2503);
    expect(await unlinkNamespace(mine)).toBe(2503);
    expect(await countNamespace(mine)).toBe(0);
    expect(await redis.exists(`${neighbour}k`, mine.slice(0, -1))).toBe(2);
    await redis.unlink(mine.slice(0, -1));
  });

  it("finds what a real app leaves behind after it closed, its job scheduler included, under the run's namespace", async () => {
    const t = await startTestApp();
    const prefix = t.config.redisPrefix;
    expect(prefix.startsWith(RUN_REDIS_NAMESPACE)).toBe(true);
    await request(t.http).post('/api/v1/complaints').send(complaintBody()).expect(201);
    await t.close();

    // BullMQ keeps its job schedulers in the queue's "repeat" set: they would outlive every run.
    expect(await redis.zcard(`${prefix}:notifications:repeat`)).toBeGreaterThan(0);
    const left = await countNamespace(`${prefix}:`);
    expect(left).toBeGreaterThan(1);
    expect(await unlinkNamespace(`${prefix}:`)).toBe(left);
    expect(await countNamespace(`${prefix}:`)).toBe(0);
  });
});
