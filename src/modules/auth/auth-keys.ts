import { hkdfSync, KeyObject } from 'node:crypto';
import { jwtKey } from '../../common/crypto/jwt-key';

/**
 * One secret (AUTH_TOKEN_SECRET) in, one independent key per purpose out
 * (HKDF-SHA-256, RFC 5869): a key that leaks from one use, or a value one use
 * signs, is worth nothing to another. The whistleblower vault has keys of its
 * own and none of these.
 */
export class AuthKeys {
  /** Signs access tokens; the secret itself, so that tokens signed before this change still verify. */
  readonly accessToken: KeyObject;
  /** Signs enrolment tokens: an access token can never pass for one, nor the other way round. */
  readonly enrolmentToken: KeyObject;
  /** AES-256-GCM key of the stored TOTP secrets. */
  readonly otpSecret: Buffer;
  /** Keys the hash that names a client in Redis, so that no address is kept there in the clear. */
  readonly clientKey: Buffer;
  /** Signs the staff console's cookies (the CSRF secret). */
  readonly cookieSecret: Buffer;

  constructor(tokenSecret: string) {
    this.accessToken = jwtKey(tokenSecret);
    this.enrolmentToken = jwtKey(derive(tokenSecret, 'otp-enrolment-token'));
    this.otpSecret = derive(tokenSecret, 'otp-secret-encryption');
    this.clientKey = derive(tokenSecret, 'sign-in-client-key');
    this.cookieSecret = derive(tokenSecret, 'cookie-signing');
  }
}

function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'rongrian-auth', `rongrian/${purpose}/v1`, 32));
}
