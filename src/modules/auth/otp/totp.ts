import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app understands it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PARAMETERS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
const PERIOD_MS = TOTP_PARAMETERS.period * 1000;
/** A code from the step before or after is still accepted: phone clocks drift and people type slowly. */
const WINDOW_STEPS = 1;
/** 160 bits, the HMAC-SHA-1 block the RFC recommends. */
const SECRET_BYTES = 20;

const TOTP_CODE = /^\d{6}$/;

/** A fresh random secret, base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** The time step a moment falls in: codes are compared by step so that a step is used at most once. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / PERIOD_MS);
}

export function isTotpCodeShaped(code: string): boolean {
  return TOTP_CODE.test(code);
}

/** The step whose code this is, within one step either side of `at`; null for a wrong code. */
export function matchTotpStep(secretBase32: string, code: string, at: Date): number | null {
  if (!isTotpCodeShaped(code)) return null;
  const delta = TOTP.validate({
    ...TOTP_PARAMETERS,
    secret: Secret.fromBase32(secretBase32),
    token: code,
    timestamp: at.getTime(),
    window: WINDOW_STEPS,
  });
  return delta === null ? null : totpStep(at) + delta;
}

/** The code for the step `at` falls in (tests and the enrolment check use it). */
export function totpCode(secretBase32: string, at: Date): string {
  return TOTP.generate({ ...TOTP_PARAMETERS, secret: Secret.fromBase32(secretBase32), timestamp: at.getTime() });
}

/**
 * The otpauth:// URI an authenticator app scans: `issuer` names the service
 * in the app's list, `label` the account (the email).
 */
export function totpUri(secretBase32: string, issuer: string, label: string): string {
  return new TOTP({ ...TOTP_PARAMETERS, issuer, label, secret: Secret.fromBase32(secretBase32) }).toString();
}
