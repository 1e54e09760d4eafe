import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { complaintBody } from '../support/factories';
import { databaseUrl, DB_PREFIX, TEMPLATE_DB, withServer } from '../support/databases';
import { waitFor } from '../support/wait-for';
import { OwnRedis } from './support/own-redis';
import { LogLine, ServerProcess } from './support/server-process';

const SHUTDOWN_TIMEOUT_MS = 3_000;

/** A database of the test's own, migrated and seeded like every test database; dropped afterwards. */
async function createDatabase(): Promise<string> {
  const name = `${DB_PREFIX}_outage_${randomUUID().slice(0, 8)}`;
  await withServer((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`));
  return name;
}

const dropDatabase = (name: string) => withServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

function serverEnv(redis: OwnRedis, database: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl(database),
    REDIS_URL: redis.url,
    REDIS_PREFIX: `rongrian-outage-${randomUUID()}`,
    SMTP_URL: 'smtp://127.0.0.1:1',
    PORT: '0',
    PUBLIC_RATE_LIMIT: '100',
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
  };
}

const unreachable = (l: LogLine) => /Redis is unreachable/.test(l.msg);
const reachable = (l: LogLine) => /Redis is reachable again/.test(l.msg);

async function health(base: string): Promise<number> {
  return (await fetch(`${base}/api/v1/health`)).status;
}

describe('with Redis away, the server logs one JSON line per outage and still stops in time', () => {
  jest.setTimeout(90_000);
  let redis: OwnRedis;
  let database: string;
  let server: ServerProcess;
  let base: string;

  beforeAll(async () => {
    [redis, database] = await Promise.all([OwnRedis.start(), createDatabase()]);
    server = ServerProcess.start('main', serverEnv(redis, database));
    base = await server.listeningUrl();
  });
  afterAll(async () => {
    await server?.stop();
    await redis?.destroy();
    if (database) await dropDatabase(database);
  });

  it('logs where it listens', () => {
    const listening = server.logLines().find((l) => typeof l.address === 'string');
    expect(listening).toMatchObject({ level: 30, msg: expect.stringMatching(/^Listening on http:\/\/0\.0\.0\.0:\d+$/) });
  });

  it('logs an outage once however often the clients retry, and its end', async () => {
    expect(await health(base)).toBe(200);
    await redis.kill();
    const outage = await server.waitForLog(unreachable, 'the outage to be logged');
    expect(outage).toMatchObject({ level: 50, context: 'Redis', redis: `127.0.0.1:${redis.port}`, code: 'ECONNREFUSED' });
    // The health check gives Redis 2 s to answer; the clients have retried many times by then.
    await waitFor(async () => (await health(base)) === 503, { timeoutMs: 10_000, what: 'health to see Redis down' });
    await redis.resume();
    const back = await server.waitForLog(reachable, 'the recovery to be logged');
    expect(back.failedAttempts).toBeGreaterThan(1);
    await waitFor(async () => (await health(base)) === 200, { timeoutMs: 15_000, what: 'health to recover' });

    expect(server.logLines().filter(unreachable)).toHaveLength(1);
    expect(server.stderr.filter((l) => l.trim())).toEqual([]);
  });

  it('stops within SHUTDOWN_TIMEOUT_MS of SIGTERM while Redis is down', async () => {
    await redis.kill();
    await waitFor(() => server.logLines().filter(unreachable).length === 2, { timeoutMs: 10_000, what: 'the second outage to be logged' });
    const started = Date.now();
    server.child.kill('SIGTERM');
    await server.exited;
    expect(Date.now() - started).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 2_000);
    expect(server.logLines().find((l) => /Received SIGTERM/.test(l.msg))).toBeDefined();
    expect(server.logLines().find((l) => /^Shut down cleanly$|^Shutdown did not finish within 3000 ms/.test(l.msg))).toBeDefined();
    // Every line it wrote, to the last, is one JSON object.
    expect(() => server.logLines()).not.toThrow();
    expect(server.stderr.filter((l) => l.trim())).toEqual([]);
  });
});

describe('SIGTERM lets the requests in flight finish', () => {
  jest.setTimeout(90_000);
  let redis: OwnRedis;
  let database: string;
  let server: ServerProcess;

  beforeAll(async () => {
    [redis, database] = await Promise.all([OwnRedis.start(), createDatabase()]);
  });
  afterAll(async () => {
    await server?.stop();
    await redis?.destroy();
    if (database) await dropDatabase(database);
  });

  it('answers a filing whose body arrives after the signal, then exits cleanly', async () => {
    server = ServerProcess.start('main', serverEnv(redis, database));
    const base = new URL(await server.listeningUrl());
    const body = JSON.stringify(complaintBody());
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: base.hostname,
          port: base.port,
          method: 'POST',
          path: '/api/v1/complaints',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      // "100 Continue" means the server has read the request line and headers: the request is in flight.
      req.on('continue', () => {
        server.child.kill('SIGTERM');
        void server.waitForLog((l) => /Received SIGTERM/.test(l.msg), 'the signal to be handled').then(() => req.end(body), reject);
      });
      req.flushHeaders();
    });
    const { status, text } = await answer;
    expect({ status, text }).toEqual({ status: 201, text: expect.stringContaining('trackingCode') });
    expect(await server.exited).toBe(0);
    expect(server.logLines().find((l) => l.msg === 'Shut down cleanly')).toBeDefined();
  });
});
