import { DataSource } from 'typeorm';

/**
 * The summary's month figures counted the slow, obvious way, straight from
 * `cases` and `case_feedback`: what the trigger-kept rollup must equal.
 */
export interface NaiveFilter {
  fiscalYear: number;
  kind: 'general' | 'corruption';
  departmentId?: string | null;
  channel?: string | null;
}

export interface NaiveMonth {
  month: string;
  received: number;
  resolved: number;
  resolvedWithinDeadline: number;
  resolvedLate: number;
  open: number;
  overdue: number;
  rejected: number;
  referred: number;
  withdrawn: number;
  merged: number;
  completedWithinDeadline: number;
  resolveSeconds: number;
  medianDaysToResolve: number | null;
  responses: number;
  ratingSum: number;
  satisfied: number;
  byChannel: Record<string, number>;
  byDepartment: Record<string, number>;
  byCategory: Record<string, number>;
}

export async function naiveMonths(db: DataSource, f: NaiveFilter): Promise<Map<string, NaiveMonth>> {
  const where = `c.fiscal_year = $1 AND c.kind = $2 AND ($3::uuid IS NULL OR c.department_id = $3) AND ($4::text IS NULL OR c.channel = $4)`;
  const params = [f.fiscalYear, f.kind, f.departmentId ?? null, f.channel ?? null];
  const rows: NaiveMonth[] = await db.query(
    `SELECT to_char(c.received_at AT TIME ZONE 'Asia/Bangkok', 'YYYY-MM') AS month,
            count(*)::int AS received,
            count(*) FILTER (WHERE first_resolved_at IS NOT NULL)::int AS resolved,
            count(*) FILTER (WHERE first_resolved_at <= due_at)::int AS "resolvedWithinDeadline",
            count(*) FILTER (WHERE first_resolved_at > due_at)::int AS "resolvedLate",
            count(*) FILTER (WHERE status IN ('received', 'accepted', 'assigned', 'in_progress'))::int AS open,
            count(*) FILTER (WHERE overdue_at IS NOT NULL)::int AS overdue,
            count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
            count(*) FILTER (WHERE referred_to IS NOT NULL)::int AS referred,
            count(*) FILTER (WHERE status = 'withdrawn')::int AS withdrawn,
            count(*) FILTER (WHERE status = 'merged')::int AS merged,
            count(*) FILTER (WHERE status NOT IN ('received', 'accepted', 'assigned', 'in_progress') AND overdue_at IS NULL)::int
              AS "completedWithinDeadline",
            coalesce(sum(round(extract(epoch FROM first_resolved_at - received_at))), 0)::float8 AS "resolveSeconds",
            percentile_cont(0.5) WITHIN GROUP (ORDER BY ceil(extract(epoch FROM first_resolved_at - received_at) / 86400))
              FILTER (WHERE first_resolved_at IS NOT NULL) AS "medianDaysToResolve",
            count(fb.rating)::int AS responses,
            coalesce(sum(fb.rating), 0)::int AS "ratingSum",
            count(*) FILTER (WHERE fb.rating >= 4)::int AS satisfied,
            '{}'::jsonb AS "byChannel", '{}'::jsonb AS "byDepartment", '{}'::jsonb AS "byCategory"
     FROM cases c LEFT JOIN case_feedback fb ON fb.case_id = c.id
     WHERE ${where}
     GROUP BY 1`,
    params,
  );
  const out = new Map(rows.map((r) => [r.month, r]));
  for (const [field, column] of [
    ['byChannel', 'c.channel'],
    ['byDepartment', `coalesce(c.department_id::text, 'none')`],
    ['byCategory', `coalesce(c.category_id::text, 'none')`],
  ] as const) {
    const counts: Array<{ month: string; key: string; n: number }> = await db.query(
      `SELECT to_char(c.received_at AT TIME ZONE 'Asia/Bangkok', 'YYYY-MM') AS month, ${column} AS key, count(*)::int AS n
       FROM cases c WHERE ${where} GROUP BY 1, 2`,
      params,
    );
    for (const c of counts) out.get(c.month)![field][c.key] = c.n;
  }
  return out;
}

interface ApiEntry {
  key: string | null;
  received: number;
}

/** An API row's breakdown as `key → received`, null keys as 'none'. */
export function receivedByKey(entries: ApiEntry[]): Record<string, number> {
  return Object.fromEntries(entries.map((e) => [e.key ?? 'none', e.received]));
}

/** The API's month row ("2025-10-01") compared field by field with the naive count of that month. */
export function expectedRow(n: NaiveMonth | undefined) {
  const r = n ?? ({ received: 0, resolved: 0, resolvedWithinDeadline: 0, resolvedLate: 0, open: 0, overdue: 0, rejected: 0, referred: 0, withdrawn: 0, merged: 0, completedWithinDeadline: 0, resolveSeconds: 0, medianDaysToResolve: null, responses: 0, ratingSum: 0, satisfied: 0, byChannel: {}, byDepartment: {}, byCategory: {} } as unknown as NaiveMonth);
  const pct = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 10 : null);
  return {
    received: r.received,
    resolved: r.resolved,
    resolvedWithinDeadline: r.resolvedWithinDeadline,
    resolvedLate: r.resolvedLate,
    open: r.open,
    overdue: r.overdue,
    rejected: r.rejected,
    referred: r.referred,
    withdrawn: r.withdrawn,
    merged: r.merged,
    completedWithinDeadline: r.completedWithinDeadline,
    resolvedWithinDeadlinePct: pct(r.resolvedWithinDeadline, r.resolved),
    withinDeadlinePct: pct(r.completedWithinDeadline, r.completedWithinDeadline + r.overdue),
    avgDaysToResolve: r.resolved ? Math.round((r.resolveSeconds / 86400 / r.resolved) * 10) / 10 : null,
    medianDaysToResolve: r.medianDaysToResolve === null ? null : Number(r.medianDaysToResolve),
    satisfaction: {
      responses: r.responses,
      average: r.responses ? Math.round((r.ratingSum / r.responses) * 100) / 100 : null,
      satisfiedPct: pct(r.satisfied, r.responses),
      targetPct: 80,
    },
    byChannel: r.byChannel,
    byDepartment: r.byDepartment,
    byCategory: r.byCategory,
  };
}

/** The API row reduced to what expectedRow gives. */
export function actualRow(row: Record<string, unknown> & { byChannel: ApiEntry[]; byDepartment: ApiEntry[]; byCategory: ApiEntry[] }) {
  const { label: _l, labelEn: _le, from: _f, to: _t, byKind: _k, ...rest } = row;
  return {
    ...rest,
    byChannel: receivedByKey(row.byChannel),
    byDepartment: receivedByKey(row.byDepartment),
    byCategory: receivedByKey(row.byCategory),
  };
}
