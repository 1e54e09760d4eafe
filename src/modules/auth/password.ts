import { argon2id, hash, verify } from 'argon2';

/**
 * argon2id at OWASP's recommended floor (19 MiB, 2 passes, 1 lane): each
 * guess costs an attacker with a stolen table that much memory and time.
 */
export const PASSWORD_HASH_OPTIONS = { type: argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/** False for a wrong password and for a hash that is not one of ours; never throws on a bad input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
