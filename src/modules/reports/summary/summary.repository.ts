import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { CaseKind } from '../../cases';
import { PERIOD_MONTHS, Period } from '../report-periods';

/** Sentinels of the rollup's keys (see the migration ReportRollups). */
export const NO_ID = '00000000-0000-0000-0000-000000000000';
export const ALL_IDS = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
export const ALL_CHANNELS = '*';

export interface CellFilter {
  fiscalYear: number;
  kind: CaseKind;
  /** Other kinds counted in `byKind` (the caller's own kind is always there). */
  countKinds: CaseKind[];
  departmentId: string | null;
  channel: string | null;
}

export type Section = 'main' | 'kind' | 'channel' | 'department' | 'category';

/** Sums of one section's key over one period. */
export interface CellSums {
  section: Section;
  key: string | null;
  part: number;
  received: number;
  resolved: number;
  resolvedWithin: number;
  resolvedLate: number;
  resolveSeconds: number;
  open: number;
  overdue: number;
  completedWithin: number;
  rejected: number;
  referred: number;
  withdrawn: number;
  merged: number;
  feedbackResponses: number;
  feedbackSum: number;
  feedbackSatisfied: number;
}

export interface DayCount {
  part: number;
  days: number;
  n: number;
}

const SUMS = `sum(received)::int AS received, sum(resolved)::int AS resolved,
  sum(resolved_within)::int AS "resolvedWithin", sum(resolved_late)::int AS "resolvedLate",
  sum(resolve_seconds)::float8 AS "resolveSeconds", sum(open)::int AS open, sum(overdue)::int AS overdue,
  sum(completed_within)::int AS "completedWithin", sum(rejected)::int AS rejected, sum(referred)::int AS referred,
  sum(withdrawn)::int AS withdrawn, sum(merged)::int AS merged, sum(feedback_responses)::int AS "feedbackResponses",
  sum(feedback_sum)::int AS "feedbackSum", sum(feedback_satisfied)::int AS "feedbackSatisfied"`;

/** Period number of a rollup month: fiscal month 1 (October) … 12, grouped by the period's size. */
const PART = `((extract(month FROM month)::int + 2) % 12 + $7::int) / $7::int`;

/**
 * Reads the rollup kept by the triggers of ReportRollups1764800000000: each
 * section is a range of the primary key, a few hundred rows in all.
 */
@Injectable()
export class SummaryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * A named prepared statement: each pooled connection parses and plans it
   * once. Planning these queries costs more than running them (a few hundred
   * rollup rows), and the summary is the hot read of the statistics.
   */
  private async prepared<T extends QueryResultRow>(name: string, text: string, values: unknown[]): Promise<T[]> {
    const pool = (this.db.driver as PostgresDriver).master as Pool;
    return (await pool.query<T>({ name, text, values })).rows;
  }

  async cells(f: CellFilter, period: Period): Promise<CellSums[]> {
    const grain = (f.departmentId ? 1 : 0) | (f.channel ? 2 : 0);
    const kinds = [...new Set([f.kind, ...f.countKinds])];
    // Each filter combination is its own statement, so that every branch is a
    // plain range of the primary key in the cached plan.
    const dept = f.departmentId ? 'department_id = $4' : `department_id = '${ALL_IDS}'`;
    const channel = f.channel ? 'channel = $5' : `channel = '${ALL_CHANNELS}'`;
    const anyChannel = f.channel ? 'channel = $5' : `channel <> '${ALL_CHANNELS}'`;
    const anyDept = f.departmentId ? 'department_id = $4' : `department_id <> '${ALL_IDS}'`;
    return this.prepared(
      `report-summary-cells-${grain}`,
      `SELECT section, key, ${PART} AS part, ${SUMS}
       FROM (
         SELECT 'kind' AS section, kind AS key, r.* FROM report_cells r
          WHERE fiscal_year = $1 AND kind = ANY($8::text[]) AND grain = $3 AND ${dept} AND ${channel} AND category_id = $6
         UNION ALL
         SELECT 'channel', channel, r.* FROM report_cells r
          WHERE fiscal_year = $1 AND kind = $2 AND grain = ($3 | 2) AND ${dept} AND ${anyChannel} AND category_id = $6
         UNION ALL
         SELECT 'department', department_id::text, r.* FROM report_cells r
          WHERE fiscal_year = $1 AND kind = $2 AND grain = ($3 | 1) AND ${anyDept} AND ${channel} AND category_id = $6
         UNION ALL
         SELECT 'category', category_id::text, r.* FROM report_cells r
          WHERE fiscal_year = $1 AND kind = $2 AND grain = ($3 | 4) AND ${dept} AND ${channel} AND category_id <> $6
       ) s
       -- Types for the parameters a variant does not use (always true).
       WHERE $4::uuid IS NOT NULL AND $5::text IS NOT NULL
       GROUP BY section, key, part`,
      [f.fiscalYear, f.kind, grain, f.departmentId ?? ALL_IDS, f.channel ?? ALL_CHANNELS, ALL_IDS, PERIOD_MONTHS[period], kinds],
    );
  }

  /** The histogram of whole days to first resolution, per period, for medians. */
  async resolveDays(f: CellFilter, period: Period): Promise<DayCount[]> {
    const grain = (f.departmentId ? 1 : 0) | (f.channel ? 2 : 0);
    return this.prepared(
      'report-summary-days',
      `SELECT ${PART.replace(/\$7/g, '$6')} AS part, days, sum(n)::int AS n
       FROM report_resolve_days
       WHERE fiscal_year = $1 AND kind = $2 AND grain = $3 AND department_id = $4 AND channel = $5
       GROUP BY part, days`,
      [f.fiscalYear, f.kind, grain, f.departmentId ?? ALL_IDS, f.channel ?? ALL_CHANNELS, PERIOD_MONTHS[period]],
    );
  }

  async names(): Promise<Array<{ what: 'department' | 'category'; id: string; nameTh: string; nameEn: string }>> {
    return this.prepared(
      'report-names',
      `SELECT 'department' AS what, id::text, name_th AS "nameTh", name_en AS "nameEn" FROM departments
       UNION ALL
       SELECT 'category', id::text, name_th, name_en FROM categories`,
      [],
    );
  }

  /** Changes with every committed change of the figures (the flush trigger bumps it). */
  async version(): Promise<string> {
    const [row] = await this.prepared<{ v: string }>('report-version', `SELECT v FROM report_version`, []);
    return row.v;
  }

  async departmentExists(id: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM departments WHERE id = $1`, [id])).length > 0;
  }
}
