import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CaseKind } from './case.types';
import { formatReferenceNo } from './reference-number';

export interface CaseNumber {
  sequence: number;
  referenceNo: string;
}

/**
 * The register's numbers, gap-free per kind and fiscal year. Taking numbers
 * locks their counter row until the transaction ends, so concurrent
 * registrations queue behind it: a group commit takes them once for all its
 * filings, as late as it can (just before writing the cases). A rollback
 * gives the numbers back: no gaps, no twins.
 */
@Injectable()
export class ReferenceCounterRepository {
  /** One number for each case, in their order. */
  async take(m: EntityManager, cases: ReadonlyArray<{ kind: CaseKind; fiscalYear: number }>): Promise<CaseNumber[]> {
    const wanted = new Map<string, { kind: CaseKind; fiscalYear: number; n: number }>();
    for (const c of cases) {
      const key = `${c.kind}/${c.fiscalYear}`;
      const counter = wanted.get(key);
      if (counter) counter.n++;
      else wanted.set(key, { kind: c.kind, fiscalYear: c.fiscalYear, n: 1 });
    }
    // Counters in one order in every transaction: two never wait for each other.
    const counters = [...wanted.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.fiscalYear - b.fiscalYear);
    const rows: Array<{ kind: CaseKind; fiscalYear: number; lastValue: number }> = await m.query(
      `INSERT INTO reference_counters (kind, fiscal_year, last_value)
       SELECT kind, fiscal_year, n FROM unnest($1::text[], $2::int[], $3::int[]) WITH ORDINALITY AS k(kind, fiscal_year, n, ord) ORDER BY ord
       ON CONFLICT (kind, fiscal_year) DO UPDATE SET last_value = reference_counters.last_value + EXCLUDED.last_value
       RETURNING kind, fiscal_year AS "fiscalYear", last_value AS "lastValue"`,
      [counters.map((c) => c.kind), counters.map((c) => c.fiscalYear), counters.map((c) => c.n)],
    );
    const next = new Map(rows.map((r) => [`${r.kind}/${r.fiscalYear}`, r.lastValue - wanted.get(`${r.kind}/${r.fiscalYear}`)!.n + 1]));
    return cases.map((c) => {
      const key = `${c.kind}/${c.fiscalYear}`;
      const sequence = next.get(key)!;
      next.set(key, sequence + 1);
      return { sequence, referenceNo: formatReferenceNo(c.kind, c.fiscalYear, sequence) };
    });
  }
}
