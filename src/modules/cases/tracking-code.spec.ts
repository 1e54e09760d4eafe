import {
  formatTrackingCode,
  generateTrackingCode,
  isValidTrackingCode,
  normalizeTrackingCode,
  TRACKING_ALPHABET,
  TRACKING_CODE_LENGTH,
} from './tracking-code';

describe('tracking codes', () => {
  it('has no look-alike symbols in its alphabet', () => {
    for (const ch of '01OIL') expect(TRACKING_ALPHABET).not.toContain(ch);
    expect(new Set(TRACKING_ALPHABET).size).toBe(TRACKING_ALPHABET.length);
  });

  it('generates valid codes of at least ten symbols, all different', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = generateTrackingCode();
      expect(code).toHaveLength(TRACKING_CODE_LENGTH);
      expect(TRACKING_CODE_LENGTH).toBeGreaterThanOrEqual(10);
      expect(isValidTrackingCode(code)).toBe(true);
      codes.add(code);
    }
    expect(codes.size).toBe(2000);
  });

  it('catches every single-symbol typo', () => {
    const code = generateTrackingCode();
    for (let i = 0; i < code.length; i++) {
      for (const ch of TRACKING_ALPHABET) {
        if (ch === code[i]) continue;
        const typo = code.slice(0, i) + ch + code.slice(i + 1);
        expect(isValidTrackingCode(typo)).toBe(false);
      }
    }
  });

  it('catches every swap of neighbouring symbols', () => {
    for (let n = 0; n < 200; n++) {
      const code = generateTrackingCode();
      for (let i = 0; i < code.length - 1; i++) {
        if (code[i] === code[i + 1]) continue;
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(isValidTrackingCode(swapped)).toBe(false);
      }
    }
  });

  it('rejects wrong lengths and foreign symbols', () => {
    const code = generateTrackingCode();
    expect(isValidTrackingCode(code.slice(1))).toBe(false);
    expect(isValidTrackingCode(code + 'A')).toBe(false);
    expect(isValidTrackingCode('0' + code.slice(1))).toBe(false);
  });

  it('reads what people type and prints groups of four', () => {
    const code = generateTrackingCode();
    const typed = ` ${formatTrackingCode(code).toLowerCase()} `;
    expect(formatTrackingCode(code)).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{3}$/);
    expect(normalizeTrackingCode(typed)).toBe(code);
  });
});
