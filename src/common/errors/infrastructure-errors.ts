/**
 * Errors that say a dependency (Postgres, Redis) is away or overloaded,
 * not that the request or the code is wrong: the client should retry later.
 */

/** Postgres SQLSTATEs: the server is shutting down, starting, full, or a timeout we set fired. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: "terminating connection due to administrator command"
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout
]);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/** What pg, pg-pool and ioredis say when the connection, not the query, failed. */
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /Query read timeout/i,
  /terminating connection/i,
  /Client has encountered a connection error/i,
  /Connection is closed/i,
];

function* causes(err: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 4 || err === null || typeof err !== 'object') return;
  const e = err as Record<string, unknown>;
  yield e;
  // TypeORM wraps the driver's error; Node wraps one per address tried in an AggregateError.
  yield* causes(e.driverError, depth + 1);
  yield* causes(e.cause, depth + 1);
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* causes(inner, depth + 1);
}

/**
 * TypeORM hands a transaction's connection back to the pool the moment that
 * connection fails (Postgres stopped or restarted under it), and answers the
 * transaction's next query with one of these instead of the failure itself.
 */
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

export function isDependencyUnavailable(err: unknown): boolean {
  for (const e of causes(err)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code)) return true;
    if (e.name === 'MaxRetriesPerRequestError' || RELEASED_RUNNER_ERRORS.has(e.name as string)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(e.message as string))) return true;
  }
  return false;
}

/** Whether Postgres answered with this SQLSTATE, through TypeORM's wrapping or not. */
export function hasSqlState(err: unknown, state: string): boolean {
  for (const e of causes(err)) if (e.code === state) return true;
  return false;
}

/**
 * SQLSTATE class 22, "data exception": Postgres refused a value (a NUL in
 * text, a date out of range). Every value comes from a request here, so the
 * request is what is wrong; a validation rule is missing, which the log says.
 */
export function isDataException(err: unknown): boolean {
  for (const e of causes(err)) if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)) return true;
  return false;
}
