import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CaseKind } from '../../cases';
import { ALL_CHANNELS, ALL_IDS } from '../summary/summary.repository';

export interface KeyCounts {
  key: string;
  received: number;
  overdue: number;
}

export interface MonthlyKeyCounts extends KeyCounts {
  fiscalYear: number;
  /** 1 = October … 12 = September. */
  fiscalMonth: number;
}

@Injectable()
export class RecurrenceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Per category (grain 4) or department (grain 1), per month, of two fiscal years, from the rollup. */
  byMonth(fiscalYears: number[], kind: CaseKind, by: 'category' | 'department', departmentId: string | null): Promise<MonthlyKeyCounts[]> {
    const grain = by === 'category' ? (departmentId ? 5 : 4) : 1;
    const column = by === 'category' ? 'category_id' : 'department_id';
    return this.db.query(
      `SELECT fiscal_year AS "fiscalYear", (extract(month FROM month)::int + 2) % 12 + 1 AS "fiscalMonth",
              ${column}::text AS key, received, overdue
       FROM report_cells
       WHERE fiscal_year = ANY($1::int[]) AND kind = $2 AND grain = $3 AND channel = $4
         AND ${by === 'category' ? `department_id = $5 AND category_id <> $6` : `category_id = $6 AND ($5 = $6 OR department_id = $5)`}
         AND received > 0`,
      [fiscalYears, kind, grain, ALL_CHANNELS, departmentId ?? ALL_IDS, ALL_IDS],
    );
  }

  /** Locations as typed (trimmed, case folded): free text, so read from the cases of the year. */
  locations(fiscalYear: number, kind: CaseKind, departmentId: string | null, limit: number, minCases: number): Promise<{ byVolume: KeyCounts[]; byOverdueRate: KeyCounts[] }> {
    const base = `SELECT lower(btrim(location)) AS key, count(*)::int AS received, count(overdue_at)::int AS overdue
       FROM cases
       WHERE fiscal_year = $1 AND kind = $2 AND location IS NOT NULL AND btrim(location) <> ''
         AND ($3::uuid IS NULL OR department_id = $3)
       GROUP BY 1`;
    const params = [fiscalYear, kind, departmentId, limit, minCases];
    return Promise.all([
      this.db.query(`${base} ORDER BY received DESC, key LIMIT $4`, params.slice(0, 4)),
      this.db.query(
        `SELECT * FROM (${base}) l WHERE received >= $5 ORDER BY overdue::float8 / received DESC, received DESC, key LIMIT $4`,
        params,
      ),
    ]).then(([byVolume, byOverdueRate]) => ({ byVolume, byOverdueRate }));
  }
}
