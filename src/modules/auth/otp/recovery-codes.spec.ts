import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes';

describe('recovery codes', () => {
  it('makes ten distinct codes in two groups of five', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of codes) expect(c).toMatch(/^[2-9a-hjkmnp-tv-z]{5}-[2-9a-hjkmnp-tv-z]{5}$/);
  });

  it('accepts a code however it is typed, and nothing else', () => {
    const [code] = newRecoveryCodes(1);
    const plain = code.replace('-', '');
    expect(normaliseRecoveryCode(code)).toBe(plain);
    expect(normaliseRecoveryCode(` ${code.toUpperCase()} `)).toBe(plain);
    expect(normaliseRecoveryCode(plain)).toBe(plain);
    expect(normaliseRecoveryCode('123456')).toBeNull();
    expect(normaliseRecoveryCode('aaaaa-aaaa0')).toBeNull();
    expect(normaliseRecoveryCode('aaaaa-aaaaaa')).toBeNull();
  });

  it('hashes to 64 hex digits, one hash per code', () => {
    const [a, b] = newRecoveryCodes(2).map((c) => normaliseRecoveryCode(c) as string);
    expect(hashRecoveryCode(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(a)).toBe(hashRecoveryCode(a));
    expect(hashRecoveryCode(a)).not.toBe(hashRecoveryCode(b));
  });
});
