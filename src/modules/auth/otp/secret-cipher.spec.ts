import { randomBytes } from 'node:crypto';
import { SecretCipher } from './secret-cipher';

describe('SecretCipher', () => {
  const cipher = new SecretCipher(randomBytes(32));
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

  it('round-trips, and never shows the plain text', () => {
    const sealed = cipher.encrypt(secret, 'user-1');
    expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(secret);
    expect(cipher.decrypt(sealed, 'user-1')).toBe(secret);
  });

  it('uses a fresh nonce each time', () => {
    expect(cipher.encrypt(secret, 'user-1')).not.toBe(cipher.encrypt(secret, 'user-1'));
  });

  it('refuses another owner, another key, and any changed byte', () => {
    const sealed = cipher.encrypt(secret, 'user-1');
    expect(cipher.decrypt(sealed, 'user-2')).toBeNull();
    expect(new SecretCipher(randomBytes(32)).decrypt(sealed, 'user-1')).toBeNull();
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(cipher.decrypt(`v1:${raw.toString('base64url')}`, 'user-1')).toBeNull();
    expect(cipher.decrypt('v2:abc', 'user-1')).toBeNull();
    expect(cipher.decrypt('garbage', 'user-1')).toBeNull();
  });

  it('wants a 256-bit key', () => {
    expect(() => new SecretCipher(randomBytes(16))).toThrow(/32-byte/);
  });
});
