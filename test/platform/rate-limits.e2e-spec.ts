import { Redis } from 'ioredis';
import request from 'supertest';
import { STAFF } from '../support/auth';
import { TEST_PASSWORD } from '../support/constants';
import { generateTrackingCode } from '../../src/modules/cases/tracking-code';
import { complaintBody } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/** Each test plays its own clients, told apart by the proxy's X-Forwarded-For. */
const from = (ip: string) => ({ 'X-Forwarded-For': ip });
/** Well-formed, so that a lookup reaches the database: what a guesser sends. */
const UNKNOWN_CODE = generateTrackingCode();

async function startLimited(env: Record<string, string>): Promise<TestApp> {
  return startTestApp({ TRUST_PROXY: 'true', ...env });
}

/** The counters live a minute; a test removes its own at once. */
async function dropRateKeys(t: TestApp): Promise<void> {
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    const keys = await redis.keys(`${t.config.redisPrefix}:rate:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

describe('one public budget per client, across routes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startLimited({ PUBLIC_RATE_LIMIT: '4', TRACKING_RATE_LIMIT: '0' });
  });
  afterAll(async () => {
    await dropRateKeys(t);
    await t.close();
  });

  it('limits a client on one public route once it spent its budget on others', async () => {
    const client = from('203.0.113.1');
    await request(t.http).post('/api/v1/complaints').set(client).send(complaintBody()).expect(201);
    await request(t.http).post('/api/v1/complaints').set(client).send(complaintBody()).expect(201);
    await request(t.http).get(`/api/v1/complaints/track/${UNKNOWN_CODE}`).set(client).expect(404);
    await request(t.http).get('/track').set(client).expect(200);

    const limited = await request(t.http).post('/api/v1/auth/login').set(client).send({ email: STAFF.center, password: TEST_PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    await request(t.http).post('/complaints/new').set(client).type('form').send({}).expect(429);
  });

  it('leaves another client its own budget, and health checks alone', async () => {
    const first = from('203.0.113.2');
    for (let i = 0; i < 4; i++) await request(t.http).get('/track').set(first).expect(200);
    await request(t.http).get('/track').set(first).expect(429);

    await request(t.http).get('/track').set(from('203.0.113.3')).expect(200);
    // One subscriber's IPv6 /64 is one client, whatever address it takes in it.
    for (let i = 0; i < 4; i++) await request(t.http).get('/track').set(from(`2001:db8:1:2::${i + 1}`)).expect(200);
    await request(t.http).get('/track').set(from('2001:db8:1:2::99')).expect(429);
    for (let i = 0; i < 6; i++) await request(t.http).get('/api/v1/health').set(first).expect(200);
  });
});

describe('stricter budgets where guessing is the threat', () => {
  let t: TestApp;

  beforeAll(async () => {
    // PUBLIC_RATE_LIMIT=0 (a load test): the named budgets stay on.
    t = await startLimited({ PUBLIC_RATE_LIMIT: '0', TRACKING_RATE_LIMIT: '3' });
  });
  afterAll(async () => {
    await dropRateKeys(t);
    await t.close();
  });

  it('limits tracking-code lookups, API and page together, and nothing else', async () => {
    const client = from('198.51.100.1');
    await request(t.http).get(`/api/v1/complaints/track/${UNKNOWN_CODE}`).set(client).expect(404);
    await request(t.http).get(`/track?code=${UNKNOWN_CODE}`).set(client).expect(404);
    await request(t.http).get(`/api/v1/complaints/track/${UNKNOWN_CODE}`).set(client).expect(404);
    const limited = await request(t.http).get(`/track?code=${UNKNOWN_CODE}`).set(client).set('Accept', 'text/html');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await request(t.http).get(`/api/v1/complaints/track/${UNKNOWN_CODE}`).set(client).expect(429);

    for (let i = 0; i < 5; i++) await request(t.http).post('/api/v1/complaints').set(client).send(complaintBody()).expect(201);
    await request(t.http).get(`/api/v1/complaints/track/${UNKNOWN_CODE}`).set(from('198.51.100.2')).expect(404);
  });
});
