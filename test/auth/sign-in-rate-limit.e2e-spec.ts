import { Redis } from 'ioredis';
import { ManualClock } from '../../src/common/time/clock';
import { startTestApp, TestApp } from '../support/test-app';
import { Accounts, atSecond, login } from './accounts';

const A = '203.0.113.7';
const B = '198.51.100.9';

describe('the per-client limit on sign-in', () => {
  let t: TestApp;
  let redis: Redis;
  const clock = new ManualClock(atSecond(10));
  const accounts = new Accounts(() => t);

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true', AUTH_SIGN_IN_RATE_LIMIT: '3' }, { clock });
    redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  });
  afterAll(async () => {
    const keys = await redis.keys(`${t.config.redisPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await accounts.removeAll();
    await t.close();
  });

  it('stays on with the public limiter off, and answers 429 with Retry-After once a client spent its failures', async () => {
    expect(t.config.rateLimits.public).toBe(0);
    const victims = await Promise.all([accounts.create(), accounts.create(), accounts.create(), accounts.create()]);
    for (const v of victims.slice(0, 3)) await login(t, { email: v.email, password: 'guess' }, A).expect(401);

    const refused = await login(t, { email: victims[3].email, password: 'guess' }, A).expect(429);
    expect(refused.headers['retry-after']).toBe('50');
    expect(refused.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(/retry in 50 s/) });
    // Refused before any check: the fourth account was not even counted, let alone locked.
    const [row] = await t.db.query(`SELECT failed_logins FROM users WHERE id = $1`, [victims[3].id]);
    expect(row.failed_logins).toBe(0);
    await login(t, { email: victims[3].email }, A).expect(429);

    // Another client is not affected.
    await login(t, { email: victims[3].email }, B).expect(200);
  });

  it('gives the attempt back when the password was right: an office behind one address signs in all morning', async () => {
    const colleagues = await Promise.all(Array.from({ length: 8 }, () => accounts.create()));
    for (const c of colleagues) await login(t, { email: c.email }, '192.0.2.50').expect(200);
    await login(t, { email: colleagues[0].email, password: 'typo' }, '192.0.2.50').expect(401);
    await login(t, { email: colleagues[0].email }, '192.0.2.50').expect(200);
  });

  it('holds under a parallel burst: no more than the budget gets through to the accounts', async () => {
    const targets = await Promise.all(Array.from({ length: 10 }, () => accounts.create()));
    const answers = await Promise.all(targets.map((v) => login(t, { email: v.email, password: 'guess' }, '192.0.2.77')));
    expect(answers.filter((r) => r.status === 401)).toHaveLength(3);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(7);
    const [{ counted }] = await t.db.query(`SELECT count(*)::int AS counted FROM users WHERE id = ANY($1) AND failed_logins > 0`, [
      targets.map((v) => v.id),
    ]);
    expect(counted).toBe(3);
  });

  it('renews the budget the next minute, by the application clock', async () => {
    const v = await accounts.create();
    await login(t, { email: v.email, password: 'guess' }, A).expect(429);
    clock.set(atSecond(61));
    await login(t, { email: v.email, password: 'guess' }, A).expect(401);
  });

  it('keeps no client address, in Redis or in the database', async () => {
    const keys = await redis.keys(`${t.config.redisPrefix}:sign-in:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toMatch(/203\.0\.113\.7|198\.51\.100\.9|192\.0\.2\./);
    const audit = JSON.stringify(await t.db.query(`SELECT * FROM audit_log`));
    expect(audit).not.toMatch(/203\.0\.113\.7|198\.51\.100\.9|192\.0\.2\./);
  });
});
