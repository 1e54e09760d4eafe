import { randomBytes } from 'node:crypto';
import { openIdentity, sealIdentity, VaultKeyMissing } from './identity-cipher';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const caseA = '11111111-1111-4111-8111-111111111111';
const caseB = '22222222-2222-4222-8222-222222222222';
const somchai = { name: 'สมชาย ใจกล้า', email: 'somchai@example.com', phone: '0812345678', address: null };

describe('the identity cipher', () => {
  it('opens what it sealed, with the key id beside the value and nothing readable in it', () => {
    const sealed = sealIdentity(k1, caseA, somchai);
    expect(sealed.keyId).toBe('k1');
    expect(sealed.sealed.toString('utf8')).not.toContain('somchai');
    expect(sealed.sealed.toString('utf8')).not.toContain('สมชาย');
    expect(openIdentity([k2, k1], caseA, sealed)).toEqual(somchai);
  });

  it('seals the same identity differently each time (fresh IV)', () => {
    expect(sealIdentity(k1, caseA, somchai).sealed.equals(sealIdentity(k1, caseA, somchai).sealed)).toBe(false);
  });

  it('refuses a value moved to another case, or tampered with', () => {
    const sealed = sealIdentity(k1, caseA, somchai);
    expect(() => openIdentity([k1], caseB, sealed)).toThrow();
    const tampered = Buffer.from(sealed.sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => openIdentity([k1], caseA, { keyId: 'k1', sealed: tampered })).toThrow();
  });

  it('says which key is missing rather than failing obscurely', () => {
    expect(() => openIdentity([k2], caseA, sealIdentity(k1, caseA, somchai))).toThrow(VaultKeyMissing);
  });
});
