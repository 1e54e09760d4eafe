import { isStorableInstant } from './instant';

describe('isStorableInstant', () => {
  it.each(['2025-02-28T23:59:59.999Z', '2024-02-29T00:00:00.000Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59.123456Z'])(
    'accepts %s',
    (text) => expect(isStorableInstant(text)).toBe(true),
  );

  it.each(['2025-02-30T00:00:00.000Z', '2025-13-01T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '2025-01-01T24:00:00.000Z', 'yesterday'])(
    'refuses %s',
    (text) => expect(isStorableInstant(text)).toBe(false),
  );
});
