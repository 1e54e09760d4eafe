import { isUUID } from 'class-validator';

/** Who an access token is for, and which generation of the account's tokens it belongs to. */
export interface AccessClaims {
  userId: string;
  tokenVersion: number;
}

export interface EnrolmentClaims {
  userId: string;
  enrolmentId: string;
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/**
 * A verified signature is not enough: a token without `sub` must not become
 * "whoever the database returns first", one without `exp` must not live
 * for ever, and one without `ver` predates password changes ending sessions.
 */
export function readAccessClaims(payload: Record<string, unknown>): AccessClaims | null {
  const { sub, exp, iat, ver } = payload;
  if (typeof sub !== 'string' || !isUUID(sub) || !isTime(exp) || !isTime(iat)) return null;
  if (typeof ver !== 'number' || !Number.isInteger(ver) || ver < 1) return null;
  return { userId: sub, tokenVersion: ver };
}

export function readEnrolmentClaims(payload: Record<string, unknown>): EnrolmentClaims | null {
  const { sub, exp, iat, jti } = payload;
  if (typeof sub !== 'string' || !isUUID(sub) || !isTime(exp) || !isTime(iat)) return null;
  if (typeof jti !== 'string' || !isUUID(jti)) return null;
  return { userId: sub, enrolmentId: jti };
}
