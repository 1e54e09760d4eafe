import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { argon2id, hash } from 'argon2';
import { DataSource } from 'typeorm';

/**
 * OWASP's minimum for argon2id (19 MiB, 2 passes, 1 lane): about 25 ms of one
 * core per receipt. The argon2 package computes on libuv's thread pool, so
 * the event loop keeps serving while a receipt is hashed.
 */
export const RECEIPT_HASH_OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1, hashLength: 32 } as const;

/**
 * A receipt is stored only as argon2id(receipt, installation salt), the
 * GlobaLeaks design: one salt for the whole installation makes the hash
 * deterministic, so a receipt is found by one hash and one index lookup
 * instead of by trying it against every stored hash. A copy of the
 * database still has to pay 25 ms of argon2id per guess in a space of
 * 10^16. (An id part plus a secret part would leave fewer secret digits in
 * a code a person must copy; see the README.)
 */
@Injectable()
export class ReceiptHasher {
  private salt: Promise<Buffer> | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async hash(receiptCode: string): Promise<Buffer> {
    return hash(receiptCode, { ...RECEIPT_HASH_OPTIONS, salt: await this.installationSalt(), raw: true });
  }

  private installationSalt(): Promise<Buffer> {
    // Read once per process: it never changes after the migration made it.
    this.salt ??= this.db.query(`SELECT receipt_salt AS salt FROM whistleblower_installation`).then((rows: Array<{ salt: Buffer }>) => {
      if (!rows[0]) throw new Error('whistleblower_installation has no receipt salt: run the migrations');
      return rows[0].salt;
    });
    this.salt.catch(() => {
      this.salt = null;
    });
    return this.salt;
  }
}
