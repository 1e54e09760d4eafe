import { formatReceiptCode, generateReceiptCode, normalizeReceiptCode } from './receipt-code';

describe('receipt codes', () => {
  it('are 16 digits, spread over every digit', () => {
    const codes = Array.from({ length: 500 }, generateReceiptCode);
    for (const c of codes) expect(c).toMatch(/^\d{16}$/);
    expect(new Set(codes).size).toBe(500);
    expect(new Set(codes.join('')).size).toBe(10);
  });

  it('are shown in groups of four and read back however the groups were typed', () => {
    expect(formatReceiptCode('1234567890123456')).toBe('1234 5678 9012 3456');
    expect(normalizeReceiptCode('1234 5678 9012 3456')).toBe('1234567890123456');
    expect(normalizeReceiptCode(' 1234-5678-9012-3456 ')).toBe('1234567890123456');
  });

  it('refuses anything but 16 digits', () => {
    for (const bad of ['', '123456789012345', '12345678901234567', '1234 5678 9012 345a', '１２３４５６７８９０１２３４５６']) {
      expect(normalizeReceiptCode(bad)).toBeNull();
    }
  });
});
