import { hkdfSync, KeyObject } from 'node:crypto';
import { jwtKey } from '../../../common/crypto/jwt-key';
import type { IdentityKey } from '../../../config/app-config';

/**
 * The vault's keys: the identity keys themselves (the first seals, all
 * open), and keys derived from the current one (HKDF-SHA-256) for the
 * channel's other secrets. Nothing here comes from AUTH_TOKEN_SECRET, so a
 * staff token can never pass for a receipt token, nor the other way round.
 */
export class VaultKeys {
  readonly current: IdentityKey;
  /** Signs receipt tokens. */
  readonly receiptToken: KeyObject;
  /** Keys the hash that names a client in Redis for the channel's limits: no address is kept, even there. */
  readonly clientHash: Buffer;

  constructor(readonly all: readonly IdentityKey[]) {
    if (!all.length) throw new Error('the identity vault needs at least one key');
    this.current = all[0];
    this.receiptToken = jwtKey(derive(this.current.key, 'receipt-token'));
    this.clientHash = derive(this.current.key, 'client-hash');
  }
}

function derive(key: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, 'rongrian-whistleblower', `rongrian/whistleblower/${purpose}/v1`, 32));
}
