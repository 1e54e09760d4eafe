import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SealedIdentity } from './identity-cipher';

export interface SealedRow extends SealedIdentity {
  caseId: string;
}

/** The vault's one table. */
@Injectable()
export class IdentityVaultRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(m: EntityManager, caseId: string, value: SealedIdentity): Promise<void> {
    await m.query(`INSERT INTO whistleblower_identities (case_id, key_id, sealed) VALUES ($1, $2, $3)`, [caseId, value.keyId, value.sealed]);
  }

  async find(caseId: string, m: EntityManager = this.db.manager): Promise<SealedIdentity | null> {
    const rows: SealedIdentity[] = await m.query(
      `SELECT key_id AS "keyId", sealed FROM whistleblower_identities WHERE case_id = $1`,
      [caseId],
    );
    return rows[0] ?? null;
  }

  /** A batch sealed under another key than `keyId`, locked; concurrent rotations skip each other's rows. */
  findNotUnder(m: EntityManager, keyId: string, limit: number): Promise<SealedRow[]> {
    return m.query(
      `SELECT case_id AS "caseId", key_id AS "keyId", sealed FROM whistleblower_identities
       WHERE key_id <> $1 ORDER BY case_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [keyId, limit],
    );
  }

  async replace(m: EntityManager, caseId: string, value: SealedIdentity): Promise<void> {
    await m.query(`UPDATE whistleblower_identities SET key_id = $2, sealed = $3, sealed_at = now() WHERE case_id = $1`, [
      caseId,
      value.keyId,
      value.sealed,
    ]);
  }

  async countByKey(): Promise<Record<string, number>> {
    const rows: Array<{ keyId: string; n: number }> = await this.db.query(
      `SELECT key_id AS "keyId", count(*)::int AS n FROM whistleblower_identities GROUP BY key_id`,
    );
    return Object.fromEntries(rows.map((r) => [r.keyId, r.n]));
  }
}
