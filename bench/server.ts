import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';

/**
 * The pieces a benchmark runs against, each a real process of its own: the
 * built server (`dist-bench/src/main.js`, as `npm start` runs it) and a
 * Redis on a port of its own, so that nothing lands in the Redis other work
 * shares and `INFO memory` counts only the benchmark's keys.
 */

/** The Postgres server the benchmarks make their databases on. */
export const DATABASE_SERVER = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres:postgres@127.0.0.1:5432';

/** A statement or two on the server's `postgres` database: creating and dropping the benchmarks' own. */
export const admin = <T>(work: (c: Client) => Promise<T>): Promise<T> => onDatabase(`${DATABASE_SERVER}/postgres`, work);

/** A statement or two on one connection of its own. */
export async function onDatabase<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

export const REDIS_PORT = Number(process.env.BENCH_REDIS_PORT ?? 6391);
export const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} did not start within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface BenchRedis {
  client: Redis;
  stop(): Promise<void>;
}

/** A throw-away Redis (no persistence) on `BENCH_REDIS_PORT`. */
export async function startRedis(): Promise<BenchRedis> {
  const stray = new Redis({ port: REDIS_PORT, lazyConnect: true, retryStrategy: () => null });
  stray.on('error', () => undefined);
  if (await stray.connect().then(() => true, () => false)) {
    stray.disconnect();
    throw new Error(`something already listens on port ${REDIS_PORT}; stop it or set BENCH_REDIS_PORT`);
  }
  const child = spawn('redis-server', ['--port', String(REDIS_PORT), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], {
    stdio: 'ignore',
  });
  const client = new Redis({ port: REDIS_PORT, lazyConnect: true, retryStrategy: () => 200, maxRetriesPerRequest: null });
  client.on('error', () => undefined);
  await until('the benchmark Redis', async () => {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}); is port ${REDIS_PORT} taken?`);
    if (client.status === 'wait') await client.connect();
    return (await client.ping()) === 'PONG';
  });
  return {
    client,
    stop: async () => {
      client.disconnect();
      await stopChild(child);
    },
  };
}

export interface BenchServer {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The server as deployed (`NODE_ENV=production`, secrets of its own): its
 * own process, the HTTP API without the job
 * workers (`WORKERS_ENABLED=false`; production runs them in
 * `npm run start:worker`), public rate limits off (one load generator is
 * one client), logging off.
 */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), join(__dirname, '..', 'src', 'main.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
      IDENTITY_KEYS: `bench:${randomBytes(32).toString('base64')}`,
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      REDIS_PREFIX: 'rongrian-bench',
      PORT: String(port),
      METRICS_PORT: '0',
      PUBLIC_RATE_LIMIT: '0',
      TRACKING_RATE_LIMIT: '0',
      WORKERS_ENABLED: 'false',
      LOG_LEVEL: 'silent',
      ...env,
    },
  });
  const base = `http://127.0.0.1:${port}`;
  await until('the server', async () => {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    return (await fetch(`${base}/api/v1/health`)).ok;
  });
  return { base, pid: child.pid as number, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
