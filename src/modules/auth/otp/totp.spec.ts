import { matchTotpStep, newTotpSecret, totpCode, totpStep, totpUri } from './totp';

/** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", in base32. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it('computes the RFC 6238 test vectors (the last 6 of the 8 digits)', () => {
    expect(totpCode(RFC_SECRET, new Date(59_000))).toBe('287082');
    expect(totpCode(RFC_SECRET, new Date(1_111_111_109_000))).toBe('081804');
    expect(totpCode(RFC_SECRET, new Date(2_000_000_000_000))).toBe('279037');
  });

  it('accepts the codes of one step either side, and says which step matched', () => {
    const at = new Date(1_111_111_109_000);
    const step = totpStep(at);
    for (const delta of [-1, 0, 1]) {
      const code = totpCode(RFC_SECRET, new Date(at.getTime() + delta * 30_000));
      expect(matchTotpStep(RFC_SECRET, code, at)).toBe(step + delta);
    }
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, new Date(at.getTime() - 60_000)), at)).toBeNull();
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, new Date(at.getTime() + 60_000)), at)).toBeNull();
  });

  it('refuses anything that is not six digits without computing', () => {
    expect(matchTotpStep(RFC_SECRET, '', new Date())).toBeNull();
    expect(matchTotpStep(RFC_SECRET, '12345', new Date())).toBeNull();
    expect(matchTotpStep(RFC_SECRET, '1234567', new Date())).toBeNull();
    expect(matchTotpStep(RFC_SECRET, 'abcdef', new Date())).toBeNull();
  });

  it('makes 160-bit base32 secrets, different every time', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
  });

  it('writes the otpauth URI with issuer, label and the standard parameters', () => {
    const uri = new URL(totpUri(RFC_SECRET, 'Rongrian (เทศบาลตัวอย่าง)', 'integrity@example.go.th'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Rongrian (เทศบาลตัวอย่าง):integrity@example.go.th');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      issuer: 'Rongrian (เทศบาลตัวอย่าง)',
      secret: RFC_SECRET,
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
