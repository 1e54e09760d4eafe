import type { DatabaseTimeouts } from '../config/app-config';
import { isDependencyUnavailable } from '../common/errors/infrastructure-errors';
import { createDataSource } from './data-source';

export interface DatabaseProblem {
  message: string;
  /** Where, for the log line: host, port and database, never the user's password. */
  where: { host: string; port: number; database: string };
}

function locate(databaseUrl: string): DatabaseProblem['where'] {
  const u = new URL(databaseUrl);
  return { host: u.hostname, port: Number(u.port || 5432), database: decodeURIComponent(u.pathname.replace(/^\//, '')) };
}

function explain(err: unknown, where: DatabaseProblem['where']): string {
  const { host, port, database } = where;
  const code = (err as { code?: string }).code;
  if (code === '3D000') return `Database "${database}" does not exist on ${host}:${port}: run \`npm run migrate\`, which creates it and its schema`;
  if (code === '28P01' || code === '28000') return `PostgreSQL at ${host}:${port} refused the credentials in DATABASE_URL`;
  if (isDependencyUnavailable(err)) {
    const reason = code ?? (err as Error).message;
    return `Cannot reach PostgreSQL at ${host}:${port} (${reason}); check DATABASE_URL and that the server is running`;
  }
  return `PostgreSQL at ${host}:${port} failed the start-up check: ${(err as Error).message}`;
}

/**
 * Whether the database can serve this version of the code: it answers, it
 * exists and no migration is pending. Checked before the application starts,
 * so that each of these is one line saying what to do, not a stack trace per
 * module that tried the connection.
 */
export async function checkDatabase(databaseUrl: string, timeouts: DatabaseTimeouts): Promise<DatabaseProblem | null> {
  const where = locate(databaseUrl);
  const dataSource = createDataSource(databaseUrl, timeouts);
  try {
    await dataSource.initialize();
  } catch (err) {
    return { message: explain(err, where), where };
  }
  try {
    const pending = await dataSource.showMigrations();
    if (pending) {
      return { message: `Database "${where.database}" on ${where.host}:${where.port} has migrations pending: run \`npm run migrate\``, where };
    }
    return null;
  } catch (err) {
    return { message: explain(err, where), where };
  } finally {
    await dataSource.destroy().catch(() => undefined);
  }
}
