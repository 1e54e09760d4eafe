import request from 'supertest';
import { migrateDatabase } from '../../src/database/migrate';
import { complaintBody } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { OwnPostgres } from './support/own-postgres';

/** What a request costs at most while Postgres is away: the timeouts below and a margin, far from the 20 s it hung. */
const FAST_MS = 5_000;

/** No category: this database has the schema but no seed. */
const filing = () => complaintBody({ categoryCode: undefined });

async function timed(send: () => Promise<request.Response>): Promise<{ res: request.Response; ms: number }> {
  const started = Date.now();
  const res = await send();
  return { res, ms: Date.now() - started };
}

describe('with Postgres stopped or frozen, requests get a fast 503 and recover', () => {
  jest.setTimeout(90_000);
  let pg: OwnPostgres;
  let t: TestApp;

  beforeAll(async () => {
    pg = await OwnPostgres.start();
    await migrateDatabase(pg.url('rongrian'));
    t = await startTestApp({
      DATABASE_URL: pg.url('rongrian'),
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
      DATABASE_STATEMENT_TIMEOUT_MS: '1500',
      DATABASE_LOCK_TIMEOUT_MS: '1000',
    });
  });
  afterAll(async () => {
    try {
      pg?.thaw();
    } catch {
      // not frozen, or not started
    }
    await t?.close();
    await pg?.destroy();
  });

  const expectFast503 = ({ res, ms }: { res: request.Response; ms: number }) => {
    expect({ status: res.status, retryAfter: res.headers['retry-after'], fast: ms < FAST_MS }).toEqual({
      status: 503,
      retryAfter: '5',
      fast: true,
    });
  };

  const waitForRecovery = () =>
    waitFor(async () => (await request(t.http).get('/api/v1/health')).status === 200, { timeoutMs: 20_000, what: 'health to recover' });

  it('files a complaint while Postgres is up', async () => {
    await request(t.http).post('/api/v1/complaints').send(filing()).expect(201);
  });

  it('answers 503 with Retry-After when Postgres is stopped, and works again once it is back', async () => {
    await pg.halt();
    const api = await timed(() => request(t.http).post('/api/v1/complaints').send(filing()));
    expectFast503(api);
    expect(api.res.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.any(String) });
    // A page route answering a script: JSON, not a failure to send it as HTML.
    const form = await timed(() =>
      request(t.http).post('/complaints/new').type('form').send({ subject: 'ไฟดับ', description: 'ไฟดับ', 'complainant.name': 'สมศรี', consent: 'yes' }),
    );
    expect(form.res.status).toBe(503);
    expect(form.res.headers['content-type']).toMatch(/^application\/json/);
    const page = await timed(() => request(t.http).get('/complaints/new').set('Accept', 'text/html'));
    expectFast503(page);
    expect(page.res.headers['content-type']).toMatch(/^text\/html/);
    const health = await timed(() => request(t.http).get('/api/v1/health'));
    expect({ status: health.res.status, database: health.res.body.checks?.database, fast: health.ms < FAST_MS }).toEqual({
      status: 503,
      database: 'down',
      fast: true,
    });

    await pg.resume();
    await waitForRecovery();
    await request(t.http).post('/api/v1/complaints').send(filing()).expect(201);
  });

  it('answers 503 fast when Postgres is frozen, and works again once it thaws', async () => {
    // Connections that sat idle in the pool before the freeze are drawn first: the client-side timeout covers them.
    await request(t.http).get('/api/v1/health').expect(200);
    pg.freeze();
    try {
      for (let i = 0; i < 3; i++) expectFast503(await timed(() => request(t.http).post('/api/v1/complaints').send(filing())));
      const tracking = await timed(() => request(t.http).get('/api/v1/complaints/track/K7MQ9XR4TDZ'));
      expect(tracking.ms).toBeLessThan(FAST_MS);
      expect([400, 503]).toContain(tracking.res.status);
      const health = await timed(() => request(t.http).get('/api/v1/health'));
      expect({ status: health.res.status, fast: health.ms < FAST_MS }).toEqual({ status: 503, fast: true });
    } finally {
      pg.thaw();
    }
    await waitForRecovery();
    const filed = await request(t.http).post('/api/v1/complaints').send(filing()).expect(201);
    // The answers the frozen server owed must not land on later queries: this one reads its own case back.
    const tracked = await request(t.http).get(`/api/v1/complaints/track/${filed.body.trackingCode}`).expect(200);
    expect(tracked.body.referenceNo).toBe(filed.body.referenceNo);
  });
});
