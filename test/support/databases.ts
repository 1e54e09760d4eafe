import { Client } from 'pg';

/** Postgres server for tests: TEST_DATABASE_URL, else the local default. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
/** Separate prefixes let two test runs share one server without touching each other's databases. */
export const DB_PREFIX = process.env.TEST_DB_PREFIX ?? 'rongrian_test';
export const TEMPLATE_DB = `${DB_PREFIX}_template`;
export const WORKER_DATABASES = 4;

export function databaseUrl(name: string): string {
  const u = new URL(TEST_SERVER_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** One database per jest worker, so that files running in parallel never share rows. */
export function workerDatabaseName(): string {
  return `${DB_PREFIX}_w${process.env.JEST_WORKER_ID ?? '1'}`;
}

export async function withServer<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: databaseUrl('postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
