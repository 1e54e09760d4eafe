import type { Redis } from 'ioredis';
import { isIPv6 } from 'node:net';
import type { RateBudget } from './public-rate-limit.decorator';

export interface BudgetLimit {
  /** Requests per window; 0 turns the budget off. */
  max: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window that refused the request ends. */
  retryAfterSeconds: number;
}

/**
 * Fixed windows counted in Redis, so that every process behind the load
 * balancer shares a client's budget. One key per budget and client: the
 * route is deliberately not part of it.
 */
const HIT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;

type HitCommand = (key: string, windowMs: number) => Promise<[number, number]>;

/**
 * IPv4 as it is; IPv6 by its /64, since one subscriber holds a whole /64
 * and could otherwise take a fresh address per request.
 */
export function clientKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export class RateLimiter {
  private readonly hit: HitCommand;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly limits: Record<RateBudget, BudgetLimit>,
  ) {
    redis.defineCommand('rongrianRateHit', { numberOfKeys: 1, lua: HIT });
    this.hit = (redis as unknown as { rongrianRateHit: HitCommand }).rongrianRateHit.bind(redis);
  }

  isEnabled(budget: RateBudget): boolean {
    return this.limits[budget].max > 0;
  }

  /**
   * Spends one unit of each budget. A Redis failure lets the request through:
   * an outage of the limiter must not turn away a citizen's complaint.
   */
  async spend(budgets: readonly RateBudget[], ip: string): Promise<RateDecision> {
    const client = clientKey(ip);
    const results = await Promise.all(
      budgets
        .filter((b) => this.isEnabled(b))
        .map(async (budget) => {
          const { max, windowMs } = this.limits[budget];
          try {
            const [count, ttlMs] = await this.hit(`${this.prefix}:rate:${budget}:${client}`, windowMs);
            return { allowed: count <= max, retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) };
          } catch {
            return { allowed: true, retryAfterSeconds: 0 };
          }
        }),
    );
    const refused = results.filter((r) => !r.allowed);
    if (!refused.length) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.max(...refused.map((r) => r.retryAfterSeconds)) };
  }
}
