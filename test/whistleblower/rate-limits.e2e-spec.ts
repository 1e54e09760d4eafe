import type { Redis } from 'ioredis';
import request from 'supertest';
import { ManualClock } from '../../src/common/time/clock';
import { CHANNEL_REDIS } from '../../src/modules/whistleblower/channel-redis';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { fileReport, reportBody, TEST_POW_DIFFICULTY } from './channel';

const HOUR = 3600_000;

/**
 * The channel's own limits, on with PUBLIC_RATE_LIMIT=0: wrong receipts per
 * client and from everyone, reports without a proof of work per client.
 * Clients are told apart by X-Forwarded-For (TRUST_PROXY on); time moves on the manual clock.
 */
describe('whistleblower rate limits', () => {
  const clock = new ManualClock(new Date('2026-11-20T03:00:00Z'));
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(
      {
        WHISTLEBLOWER_POW_DIFFICULTY: TEST_POW_DIFFICULTY,
        WHISTLEBLOWER_RECEIPT_CLIENT_LIMIT: '3',
        WHISTLEBLOWER_RECEIPT_GLOBAL_LIMIT: '5',
        PUBLIC_RATE_LIMIT: '0',
        TRUST_PROXY: 'true',
      },
      { clock },
    );
  });
  afterAll(async () => {
    await resetCases(t.db);
    await t.close();
  });
  beforeEach(() => clock.advance(2 * HOUR));

  const access = (client: string, receiptCode: string) =>
    request(t.http).post('/api/v1/whistleblower/access').set('X-Forwarded-For', client).send({ receiptCode });
  const WRONG = '0000 0000 0000 0000';

  it('allows a client a few wrong receipts an hour, then refuses even the right one until the hour is over', async () => {
    const { receiptCode } = await fileReport(t);
    for (let i = 0; i < 3; i++) await access('198.51.100.1', WRONG).expect(401);
    const refused = await access('198.51.100.1', receiptCode).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    await access('198.51.100.2', receiptCode).expect(200);
    clock.advance(HOUR);
    await access('198.51.100.1', receiptCode).expect(200);
  });

  it('does not count right receipts', async () => {
    const { receiptCode } = await fileReport(t);
    for (let i = 0; i < 8; i++) await access('198.51.100.3', receiptCode).expect(200);
  });

  it('refuses everyone once wrong receipts from many clients pass the global limit in a minute', async () => {
    const { receiptCode } = await fileReport(t);
    for (let i = 0; i < 5; i++) await access(`192.0.2.${10 + i}`, WRONG).expect(401);
    await access('192.0.2.99', WRONG).expect(429);
    await access('192.0.2.100', receiptCode).expect(429);
    clock.advance(60_000);
    await access('192.0.2.100', receiptCode).expect(200);
  });

  it('limits reports without a proof of work to 5 an hour per client; with one, a client is not limited so', async () => {
    const noPow = async (client: string) => {
      const { pow: _solved, ...body } = await reportBody(t);
      return request(t.http).post('/api/v1/whistleblower/reports').set('X-Forwarded-For', client).send(body);
    };
    for (let i = 0; i < 5; i++) expect((await noPow('198.51.100.9')).status).toBe(201);
    const sixth = await noPow('198.51.100.9');
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect((await noPow('198.51.100.10')).status).toBe(201);
    for (let i = 0; i < 6; i++) {
      const res = await request(t.http).post('/api/v1/whistleblower/reports').set('X-Forwarded-For', '198.51.100.9').send(await reportBody(t));
      expect(res.status).toBe(201);
    }
  });

  it('names clients in Redis only by a keyed hash, never by address (the database: see privacy.e2e-spec)', async () => {
    await access('198.51.100.77', WRONG).expect(401);
    const keys = await t.app.get<Redis>(CHANNEL_REDIS).keys(`${t.config.redisPrefix}:whistleblower:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join('\n')).not.toContain('198.51.100');
  });
});
