import { createSecretKey, KeyObject } from 'node:crypto';

/**
 * An HMAC key for JwtService, made once. Handed a string or a Buffer,
 * jsonwebtoken first tries to read it as a PEM public or private key, which
 * throws, and only then makes the secret key, on every sign and verify: that
 * failed parse was 15 % of the server's CPU in the profile of the officer
 * queue benchmark. A KeyObject is taken as it is.
 */
export function jwtKey(secret: string | Buffer): KeyObject {
  return createSecretKey(typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret);
}

/** @nestjs/jwt passes a KeyObject through to jsonwebtoken untouched, but its option type names only string | Buffer. */
export function asJwtSecret(key: KeyObject): Buffer {
  return key as unknown as Buffer;
}
