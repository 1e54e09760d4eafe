import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Tx } from '../../database/transactions';
import type { CaseKind } from './case.types';
import { formatReferenceNo } from './reference-number';

interface Unnumbered {
  caseId: string;
  kind: CaseKind;
  fiscalYear: number;
  numbered(referenceNo: string): void;
}

/**
 * The register's numbers, gap-free per kind and fiscal year. A new case is
 * numbered just before its transaction commits, together with every other
 * case of that transaction (a group commit's filings): the counter row is
 * advanced once by their count and locked only for the last statements and
 * the COMMIT, so that concurrent filings do their own work meanwhile instead
 * of queueing behind it. A rollback gives the numbers back: no gaps, no twins.
 */
@Injectable()
export class ReferenceCounterRepository {
  private readonly waiting = new WeakMap<EntityManager, Unnumbered[]>();

  /** `numbered` is told the case's reference number inside the transaction, before it commits. */
  numberAtCommit(tx: Tx, c: Unnumbered): void {
    const waiting = this.waiting.get(tx.manager);
    if (waiting) {
      waiting.push(c);
      return;
    }
    this.waiting.set(tx.manager, [c]);
    tx.beforeCommit(async () => {
      const all = this.waiting.get(tx.manager) ?? [];
      this.waiting.delete(tx.manager);
      await this.number(tx.manager, all);
    });
  }

  private async number(m: EntityManager, cases: Unnumbered[]): Promise<void> {
    const byCounter = new Map<string, Unnumbered[]>();
    for (const c of cases) {
      const key = `${c.kind}/${c.fiscalYear}`;
      const same = byCounter.get(key);
      if (same) same.push(c);
      else byCounter.set(key, [c]);
    }
    const ids: string[] = [];
    const sequences: number[] = [];
    const referenceNos: string[] = [];
    // Counters in one order in every transaction: two never wait for each other.
    for (const key of [...byCounter.keys()].sort()) {
      const group = byCounter.get(key)!;
      const { kind, fiscalYear } = group[0];
      const rows: Array<{ last_value: number }> = await m.query(
        `INSERT INTO reference_counters (kind, fiscal_year, last_value) VALUES ($1, $2, $3)
         ON CONFLICT (kind, fiscal_year) DO UPDATE SET last_value = reference_counters.last_value + EXCLUDED.last_value
         RETURNING last_value`,
        [kind, fiscalYear, group.length],
      );
      const first = rows[0].last_value - group.length + 1;
      group.forEach((c, i) => {
        ids.push(c.caseId);
        sequences.push(first + i);
        referenceNos.push(formatReferenceNo(kind, fiscalYear, first + i));
      });
    }
    await m.query(
      `UPDATE cases c SET sequence = n.sequence, reference_no = n.reference_no
       FROM unnest($1::uuid[], $2::int[], $3::text[]) AS n(id, sequence, reference_no) WHERE c.id = n.id`,
      [ids, sequences, referenceNos],
    );
    const byId = new Map(ids.map((id, i) => [id, referenceNos[i]]));
    for (const c of cases) c.numbered(byId.get(c.caseId)!);
  }
}
