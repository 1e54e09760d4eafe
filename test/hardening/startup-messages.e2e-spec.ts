import { randomUUID } from 'node:crypto';
import { databaseUrl, DB_PREFIX, withServer } from '../support/databases';
import { freePort } from '../support/smtp-sink';
import { ServerProcess } from './support/server-process';

const QUIET = { REDIS_URL: 'redis://127.0.0.1:1', SMTP_URL: 'smtp://127.0.0.1:1', PORT: '0' };

/** Runs an entry point that must refuse to start; returns its whole output once it has exited. */
async function refusedStart(entry: 'main' | 'worker', env: Record<string, string>) {
  const server = ServerProcess.start(entry, { ...QUIET, ...env });
  try {
    const code = await Promise.race([
      server.exited,
      new Promise((_, reject) => setTimeout(() => reject(new Error('still running after 60 s')), 60_000).unref()),
    ]);
    return { code, lines: server.logLines(), stderr: server.stderr.filter((l) => l.trim()) };
  } finally {
    await server.stop();
  }
}

describe('a start that cannot work says why in one JSON line', () => {
  jest.setTimeout(120_000);

  it('before the database exists: run npm run migrate', async () => {
    const missing = `${DB_PREFIX}_missing_${randomUUID().slice(0, 8)}`;
    const { code, lines, stderr } = await refusedStart('main', { DATABASE_URL: databaseUrl(missing) });
    expect(code).toBe(1);
    expect(stderr).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 60, database: missing, msg: expect.stringContaining('npm run migrate') });
  });

  it('before migrating: run npm run migrate, from the worker too', async () => {
    const blank = `${DB_PREFIX}_blank_${randomUUID().slice(0, 8)}`;
    await withServer((c) => c.query(`CREATE DATABASE ${blank}`));
    try {
      for (const entry of ['main', 'worker'] as const) {
        const { code, lines, stderr } = await refusedStart(entry, { DATABASE_URL: databaseUrl(blank) });
        expect({ entry, code, stderr }).toEqual({ entry, code: 1, stderr: [] });
        expect(lines).toEqual([expect.objectContaining({ level: 60, msg: expect.stringMatching(/migrations pending: run `npm run migrate`/) })]);
      }
    } finally {
      await withServer((c) => c.query(`DROP DATABASE IF EXISTS ${blank} WITH (FORCE)`));
    }
  });

  it('when Postgres cannot be reached: names the host, never the password', async () => {
    const port = await freePort();
    const { code, lines, stderr } = await refusedStart('main', {
      DATABASE_URL: `postgres://rongrian:hunter2-secret@127.0.0.1:${port}/rongrian`,
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
    });
    expect(code).toBe(1);
    expect(stderr).toEqual([]);
    expect(lines).toEqual([expect.objectContaining({ level: 60, host: '127.0.0.1', port, msg: expect.stringContaining(`127.0.0.1:${port}`) })]);
    expect(JSON.stringify(lines)).not.toContain('hunter2');
  });
});
