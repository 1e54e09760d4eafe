import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CaseKind } from './case.types';

@Injectable()
export class ReferenceCounterRepository {
  /**
   * Takes the next number of the register inside the caller's transaction.
   * The upsert locks the counter row until commit, so concurrent filings
   * queue up behind it and a rollback returns the number: no gaps, no twins.
   */
  async next(m: EntityManager, kind: CaseKind, fiscalYear: number): Promise<number> {
    const rows: Array<{ last_value: number }> = await m.query(
      `INSERT INTO reference_counters (kind, fiscal_year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (kind, fiscal_year) DO UPDATE SET last_value = reference_counters.last_value + 1
       RETURNING last_value`,
      [kind, fiscalYear],
    );
    return rows[0].last_value;
  }
}
