import { Client } from 'pg';

/** Postgres server for tests: TEST_DATABASE_URL, else the local default. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/**
 * Separate prefixes let two test runs share one server without touching each
 * other's databases or Redis keys. The prefix is written unquoted into SQL and
 * into Redis match patterns, hence the narrow alphabet; its length leaves room
 * for the suffixes within Postgres' 63-character names and REDIS_PREFIX's 64.
 */
export const DB_PREFIX = checkedPrefix(process.env.TEST_DB_PREFIX || 'rongrian_test');
export const TEMPLATE_DB = `${DB_PREFIX}_template`;
export const WORKER_DATABASES = 4;

function checkedPrefix(prefix: string): string {
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(prefix)) {
    throw new Error(`TEST_DB_PREFIX must be a lower-case letter and at most 39 more of a-z, 0-9 and _ (got "${prefix}")`);
  }
  return prefix;
}

export function databaseUrl(name: string): string {
  const u = new URL(TEST_SERVER_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** One database per jest worker, so that files running in parallel never share rows. */
export function workerDatabaseName(worker = process.env.JEST_WORKER_ID ?? '1'): string {
  return `${DB_PREFIX}_w${worker}`;
}

/** Every database a run of this prefix creates, and so what its teardown drops. */
export function runDatabaseNames(): string[] {
  return [TEMPLATE_DB, ...Array.from({ length: WORKER_DATABASES }, (_, i) => workerDatabaseName(String(i + 1)))];
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

/** FORCE: a connection some test forgot to close must not keep the database alive. */
export async function dropDatabases(names: string[]): Promise<void> {
  await withServer(async (c) => {
    for (const name of names) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}
