import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '../../../database/transactions';
import { ComplainantIdentity, IdentityCustody, IdentityKeeper } from '../../cases';
import { Identity, openIdentity, sealIdentity } from './identity-cipher';
import { IdentityVaultRepository } from './identity-vault.repository';
import { VaultKeys } from './vault-keys';

const ROTATION_BATCH = 200;

/**
 * The only holder of the identity keys. It seals the identity of every
 * corruption case (online reports and those an officer registers), opens
 * one for a reveal that the caller has already authorised and audited, and
 * re-seals everything under the current key.
 */
@Injectable()
export class IdentityVault implements IdentityKeeper, OnModuleInit {
  constructor(
    private readonly keys: VaultKeys,
    private readonly rows: IdentityVaultRepository,
    private readonly custody: IdentityCustody,
  ) {}

  onModuleInit(): void {
    this.custody.provide(this);
  }

  async keep(tx: Tx, caseId: string, identity: ComplainantIdentity): Promise<void> {
    await this.rows.insert(tx.manager, caseId, sealIdentity(this.keys.current, caseId, identity));
  }

  /** The identity of a case, or null when none was given. The caller has checked who asks, and why. */
  async open(caseId: string, tx?: Tx): Promise<Identity | null> {
    const sealed = await this.rows.find(caseId, tx?.manager);
    return sealed ? openIdentity(this.keys.all, caseId, sealed) : null;
  }

  /**
   * Re-seals every identity sealed under an older key with the current one,
   * in batches of one transaction each, so that a long rotation never holds
   * many rows and can be stopped and run again.
   */
  async rotate(db: DataSource): Promise<{ resealed: number; byKey: Record<string, number> }> {
    let resealed = 0;
    for (;;) {
      const n = await db.transaction(async (m) => {
        const batch = await this.rows.findNotUnder(m, this.keys.current.id, ROTATION_BATCH);
        for (const row of batch) {
          const identity = openIdentity(this.keys.all, row.caseId, row);
          await this.rows.replace(m, row.caseId, sealIdentity(this.keys.current, row.caseId, identity));
        }
        return batch.length;
      });
      resealed += n;
      if (n < ROTATION_BATCH) break;
    }
    return { resealed, byKey: await this.rows.countByKey() };
  }
}
