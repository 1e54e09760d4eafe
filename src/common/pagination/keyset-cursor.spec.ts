import { DomainError } from '../errors/domain-error';
import { decodeCursor, encodeCursor } from './keyset-cursor';

const id = '0b8f6a52-6c1e-4f43-9d0e-2d8f0b1f7c11';
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('keyset cursor', () => {
  it('round-trips an instant to the microsecond and its id', () => {
    const c = { value: '2026-11-21T03:04:05.123456Z', id };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor(encodeCursor({ value: '2026-11-21T03:04:05.1Z', id: '42' }), 'bigint').id).toBe('42');
  });

  it.each([
    ['not base64 json', 'zzz'],
    ['a dashes-only id', raw(['2026-11-21T03:04:05.123Z', '-'.repeat(36)])],
    ['a date that does not exist', raw(['2026-02-31T03:04:05.123Z', id])],
    ['hour 25', raw(['2026-11-21T25:04:05.123Z', id])],
    ['a year Postgres cannot hold', raw(['0000-01-01T00:00:00.000Z', id])],
    ['an object', raw({ value: 'x', id })],
    ['three parts', raw(['2026-11-21T03:04:05.123Z', id, 1])],
  ])('refuses %s with a 400 naming cursor', (_label, text) => {
    let error: unknown;
    try {
      decodeCursor(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details?.[0]).toMatchObject({ field: 'cursor', code: 'invalid' });
  });
});
