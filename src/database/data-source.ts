import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';
import type { DatabaseTimeouts } from '../config/app-config';

/**
 * How long the client waits for an answer beyond the server's own
 * statement_timeout: the server normally cancels first, with a clean error;
 * the client's timer fires only when the server cannot answer at all.
 */
const CLIENT_GRACE_MS = 1_000;

const READ_TIMEOUT = 'Query read timeout';

/**
 * When pg gives up waiting for an answer (query_timeout: the server is
 * frozen or cut off), it keeps the connection busy until the server answers
 * after all, so whatever runs on it next (TypeORM's ROLLBACK, the next
 * request to draw it from the pool) waits out a timeout of its own. This
 * client closes such a connection at once: the ROLLBACK fails at once, the
 * pool drops the connection, and the next request opens a fresh one, which
 * fails within connectionTimeoutMillis while the server is away and works
 * once it is back.
 */
export class AbandoningClient extends Client {
  // Every form of query() goes through here; only the failure is looked at.
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (err: Error | null, result: unknown) => {
        this.abandonOnReadTimeout(err);
        last(err, result);
      };
    }
    const result = (Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) result.catch((err: Error) => this.abandonOnReadTimeout(err));
    return result;
  }

  private abandonOnReadTimeout(err: Error | null): void {
    // With the query still in flight, end() destroys the socket rather than waiting for it.
    if (err?.message === READ_TIMEOUT) void this.end().catch(() => undefined);
  }
}

/** Session settings and waits for a server that answers requests; migrations and scripts run without them. */
function poolTimeouts(t: DatabaseTimeouts) {
  return {
    Client: AbandoningClient,
    connectionTimeoutMillis: t.connectTimeoutMs,
    statement_timeout: t.statementTimeoutMs,
    lock_timeout: t.lockTimeoutMs,
    idle_in_transaction_session_timeout: t.idleInTransactionTimeoutMs,
    query_timeout: t.statementTimeoutMs + CLIENT_GRACE_MS,
  };
}

/**
 * Connection options without entities: the schema belongs to migrations/,
 * and each feature module registers the entities it owns. `timeouts` bound
 * every wait of a serving process; without them (migrations, seed, bench)
 * a long statement may run as long as it needs.
 */
export function dataSourceOptions(databaseUrl: string, timeouts?: DatabaseTimeouts): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    migrations,
    migrationsTableName: 'migrations',
    // The schema is owned by migrations/, in every environment, tests included.
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20, application_name: 'rongrian', ...(timeouts ? poolTimeouts(timeouts) : {}) },
  };
}

export function createDataSource(databaseUrl: string, timeouts?: DatabaseTimeouts): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, timeouts));
}
