import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { hasSqlState, isDataException, isDependencyUnavailable } from './infrastructure-errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
/** How TypeORM wraps a driver error. */
const wrapped = (driverError: Error) => Object.assign(new Error('query failed'), { name: 'QueryFailedError', driverError });

describe('isDependencyUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['one per address tried', Object.assign(new AggregateError([withCode('ECONNREFUSED')]), { code: 'ECONNREFUSED' })],
    ['a pool that waited too long', new Error('timeout exceeded when trying to connect')],
    ['a server shutting down', wrapped(withCode('57P01', 'terminating connection due to administrator command'))],
    ['a connection exception', wrapped(withCode('08006'))],
    ['statement_timeout', wrapped(withCode('57014', 'canceling statement due to statement timeout'))],
    ['lock_timeout', wrapped(withCode('55P03'))],
    ['a frozen server', wrapped(new Error('Query read timeout'))],
    ['a dropped connection', wrapped(new Error('Connection terminated unexpectedly'))],
    ['a transaction whose connection Postgres dropped', new QueryRunnerAlreadyReleasedError()],
    ['a transaction whose connection was handed back', new QueryRunnerProviderAlreadyReleasedError()],
    ['a Redis command that ran out of retries', Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' })],
  ])('is true for %s', (_what, err) => expect(isDependencyUnavailable(err)).toBe(true));

  it.each([
    ['a unique violation', wrapped(withCode('23505'))],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a string', 'oops'],
    ['nothing', undefined],
  ])('is false for %s', (_what, err) => expect(isDependencyUnavailable(err)).toBe(false));
});

describe('isDataException', () => {
  it('is true for SQLSTATE class 22 only', () => {
    expect(isDataException(wrapped(withCode('22021', 'invalid byte sequence for encoding "UTF8": 0x00')))).toBe(true);
    expect(isDataException(wrapped(withCode('22008')))).toBe(true);
    expect(isDataException(wrapped(withCode('23514')))).toBe(false);
    expect(isDataException(withCode('ECONNREFUSED'))).toBe(false);
  });
});

describe('hasSqlState', () => {
  it("finds the state on the driver's error or on TypeORM's wrapping of it, and nothing else", () => {
    expect(hasSqlState(withCode('40P01'), '40P01')).toBe(true);
    expect(hasSqlState(wrapped(withCode('25P02')), '25P02')).toBe(true);
    expect(hasSqlState(wrapped(withCode('23505')), '25P02')).toBe(false);
    expect(hasSqlState(undefined, '40P01')).toBe(false);
  });
});
