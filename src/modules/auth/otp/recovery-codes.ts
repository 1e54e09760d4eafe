import { createHash, randomInt } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
/** Crockford-style: no 0/O, 1/I/L or U, so a code read off paper is typed right. */
const ALPHABET = '23456789abcdefghjkmnpqrstvwxyz';
const GROUP = 5;

/** `xxxxx-xxxxx`: ten characters of a 30-letter alphabet, about 49 bits each. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: GROUP * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, GROUP)}-${chars.slice(GROUP)}`;
  });
}

/** What a person may have typed: any case, with or without the dash and spaces. */
export function normaliseRecoveryCode(typed: string): string | null {
  const plain = typed.toLowerCase().replace(/[\s-]/g, '');
  if (plain.length !== GROUP * 2 || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  return plain;
}

/**
 * SHA-256 is enough: the codes are random with ~49 bits, far beyond what a
 * slow hash protects (it is for guessable human passwords), and each code
 * works once, after the password, within the sign-in limits.
 */
export function hashRecoveryCode(normalised: string): string {
  return createHash('sha256').update(`rongrian-recovery-code:${normalised}`).digest('hex');
}
