import { Client } from 'pg';

/** Postgres server for tests: TEST_DATABASE_URL, else the local default. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
export const TEMPLATE_DB = 'rongrian_test_template';

export function databaseUrl(name: string): string {
  const u = new URL(TEST_SERVER_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** One database per jest worker, so that files running in parallel never share rows. */
export function workerDatabaseName(): string {
  return `rongrian_test_w${process.env.JEST_WORKER_ID ?? '1'}`;
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
