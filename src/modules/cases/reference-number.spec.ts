import { formatReferenceNo, formatThaiReferenceNo, parseReferenceNo, thaiReferenceNo } from './reference-number';

describe('reference numbers', () => {
  it('pads the sequence to six digits with the kind and BE fiscal year', () => {
    expect(formatReferenceNo('general', 2569, 123)).toBe('G-2569-000123');
    expect(formatReferenceNo('corruption', 2569, 17)).toBe('C-2569-000017');
    expect(formatReferenceNo('general', 2570, 999_999)).toBe('G-2570-999999');
  });

  it('refuses sequences that do not fit', () => {
    expect(() => formatReferenceNo('general', 2569, 0)).toThrow(RangeError);
    expect(() => formatReferenceNo('general', 2569, 1_000_000)).toThrow(RangeError);
    expect(() => formatReferenceNo('general', 2569, 1.5)).toThrow(RangeError);
  });

  it('shows people the register form in Thai digits', () => {
    expect(formatThaiReferenceNo('general', 2569, 123)).toBe('ร.๑๒๓/๒๕๖๙');
    expect(thaiReferenceNo('C-2569-000017')).toBe('ท.๑๗/๒๕๖๙');
  });

  it('parses what it formats and nothing else', () => {
    expect(parseReferenceNo('g-2569-000123')).toEqual({ kind: 'general', fiscalYear: 2569, sequence: 123 });
    expect(parseReferenceNo('G-2569-123')).toBeNull();
    expect(parseReferenceNo('X-2569-000123')).toBeNull();
  });
});
