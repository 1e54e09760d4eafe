import { createHash } from 'node:crypto';

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** A decimal nonce of at most 16 digits: what the page's script counts up. */
export function isNonce(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,16}$/.test(value);
}

/** SHA-256(salt + nonce), as UTF-8 text, begins with `difficulty` zero bits (SPEC §4). */
export function solves(salt: string, nonce: string, difficulty: number): boolean {
  return leadingZeroBits(createHash('sha256').update(salt + nonce, 'utf8').digest()) >= difficulty;
}

/** What the page's script does, for tests and for clients written in Node. */
export function solve(salt: string, difficulty: number): string {
  for (let n = 0; ; n++) if (solves(salt, String(n), difficulty)) return String(n);
}
