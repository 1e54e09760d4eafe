import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { IdentityKey } from '../../../config/app-config';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a whistleblower (or a complainant of a corruption case) may have told us about themselves. */
export interface Identity {
  name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
}

/** A sealed identity as stored: which key sealed it, and iv ‖ tag ‖ ciphertext. */
export interface SealedIdentity {
  keyId: string;
  sealed: Buffer;
}

/**
 * AES-256-GCM under the vault's keys. The case id is bound in as associated
 * data: a sealed identity copied onto another case's row does not open there.
 * A fresh random IV per sealing (96 bits; a key seals far fewer than 2^32
 * values before it is rotated).
 */
export function sealIdentity(key: IdentityKey, caseId: string, identity: Identity): SealedIdentity {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(caseId));
  const body = Buffer.concat([cipher.update(JSON.stringify(identity), 'utf8'), cipher.final()]);
  return { keyId: key.id, sealed: Buffer.concat([iv, cipher.getAuthTag(), body]) };
}

export class VaultKeyMissing extends Error {
  constructor(keyId: string) {
    super(`identity key "${keyId}" is not in IDENTITY_KEYS: an identity sealed with it cannot be opened`);
  }
}

/** Throws when the key is gone or the value was tampered with: never a silent null for an identity. */
export function openIdentity(keys: readonly IdentityKey[], caseId: string, value: SealedIdentity): Identity {
  const key = keys.find((k) => k.id === value.keyId);
  if (!key) throw new VaultKeyMissing(value.keyId);
  const raw = value.sealed;
  const decipher = createDecipheriv('aes-256-gcm', key.key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(caseId));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  const parsed = JSON.parse(plain) as Partial<Identity>;
  return { name: parsed.name ?? null, email: parsed.email ?? null, phone: parsed.phone ?? null, address: parsed.address ?? null };
}

export function hasIdentity(identity: Identity): boolean {
  return Boolean(identity.name || identity.email || identity.phone || identity.address);
}
