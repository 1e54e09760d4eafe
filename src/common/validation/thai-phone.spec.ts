import { normalizeThaiPhone } from './thai-phone';

describe('normalizeThaiPhone', () => {
  it.each([
    ['081-234-5678', '0812345678'],
    ['0812345678', '0812345678'],
    ['+66 81 234 5678', '0812345678'],
    ['02-123-4567', '021234567'],
    ['053 123 456', '053123456'],
    ['(02) 123 4567', '021234567'],
  ])('accepts %s', (input, expected) => {
    expect(normalizeThaiPhone(input)).toBe(expected);
  });

  it.each(['12345', '081234567', '08123456789', '1111', '+1 415 555 0100', 'abc', '0012345678'])(
    'rejects %s',
    (input) => {
      expect(normalizeThaiPhone(input)).toBeNull();
    },
  );
});
