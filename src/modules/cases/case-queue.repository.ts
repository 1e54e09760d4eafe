import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Cursor, cursorValueSql } from '../../common/pagination/keyset-cursor';
import { CaseStatus, OPEN_STATUSES_SQL } from './case.types';
import { QueueFilter, SortSpec } from './case-queue';
import type { CaseScope } from './case-scope';

export interface QueueRow {
  id: string;
  referenceNo: string;
  kind: 'general' | 'corruption';
  channel: string;
  status: CaseStatus;
  subject: string;
  departmentId: string | null;
  assigneeId: string | null;
  receivedAt: Date;
  dueAt: Date;
  updatedAt: Date;
  /** The sort key to the microsecond, as Postgres keeps it; a JS Date would drop the last three digits. */
  sortKey: string;
  /** The sort key as a timestamp, for merging a department's two scans. */
  sort_value: Date;
}

/** Per-status counts for a queue's tabs. */
export interface StatusCounts {
  byStatus: Partial<Record<CaseStatus, number>>;
  /**
   * The filter is a search that matched more cases than a search counts:
   * the counts are of the first of them found, each a lower bound.
   */
  capped: boolean;
}

/**
 * How many matches a subject search counts at most. A common word matches a
 * fifth of a national register, and counting every match reads every one of
 * their rows (seconds at a million cases, for each tab of the console),
 * where the first thousand are found in milliseconds.
 */
export const DEFAULT_SEARCH_COUNT_CAP = 1000;
export const SEARCH_COUNT_CAP = Symbol('SEARCH_COUNT_CAP');

/** Positional parameters for hand-written SQL. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The queue's reads, written as SQL so that each is a range scan on an
 * index of (scope, sort key, id). A department's queue is two such scans,
 * its own cases and those shared with it, merged.
 */
@Injectable()
export class CaseQueueRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() @Inject(SEARCH_COUNT_CAP) private readonly searchCountCap: number = DEFAULT_SEARCH_COUNT_CAP,
  ) {}

  async findPage(scope: CaseScope, f: QueueFilter, sort: SortSpec, limit: number, after?: Cursor): Promise<QueueRow[]> {
    if (scope.kind === 'none') return [];
    const p = new Params();
    const dir = sort.descending ? 'DESC' : 'ASC';
    const where = [`c.kind = ${p.add(scope.caseKind)}`, ...conditions(p, f, true)];
    if (after) {
      where.push(
        `(c.${sort.column}, c.id) ${sort.descending ? '<' : '>'} (${p.add(after.value)}::timestamptz, ${p.add(after.id)}::uuid)`,
      );
    }
    const columns = `c.id, c.reference_no AS "referenceNo", c.kind, c.channel, c.status, c.subject,
      c.department_id AS "departmentId", c.assignee_id AS "assigneeId", c.received_at AS "receivedAt",
      c.due_at AS "dueAt", c.updated_at AS "updatedAt", c.${sort.column} AS sort_value,
      ${cursorValueSql(`c.${sort.column}`)} AS "sortKey"`;
    const lim = p.add(limit);
    const order = `ORDER BY c.${sort.column} ${dir}, c.id ${dir} LIMIT ${lim}`;

    if (scope.kind === 'all') {
      return this.db.query(`SELECT ${columns} FROM cases c WHERE ${where.join(' AND ')} ${order}`, p.values);
    }
    const dept = p.add(scope.departmentId);
    return this.db.query(
      `SELECT * FROM (
         (SELECT ${columns} FROM cases c WHERE c.department_id = ${dept} AND ${where.join(' AND ')} ${order})
         UNION ALL
         (SELECT ${columns} FROM cases c JOIN case_shares s ON s.case_id = c.id AND s.department_id = ${dept}
          WHERE c.department_id IS DISTINCT FROM ${dept} AND ${where.join(' AND ')} ${order})
       ) u ORDER BY u.sort_value ${dir}, u.id ${dir} LIMIT ${lim}`,
      p.values,
    );
  }

  /**
   * Per-status counts for the same filters, the status filter aside. Plain
   * tabs (scope and department only) read the trigger-kept totals; any
   * other filter narrows the set enough to count it, up to the cap for a
   * subject search.
   */
  async countByStatus(scope: CaseScope, f: QueueFilter): Promise<StatusCounts> {
    if (scope.kind === 'none') return { byStatus: {}, capped: false };
    if (f.kind !== undefined && f.kind !== scope.caseKind) return { byStatus: {}, capped: false };
    const p = new Params();
    const kind = p.add(scope.caseKind);
    // Anything beyond kind and department (the status filter aside) needs a live count.
    const narrowed = conditions(new Params(), { ...f, kind: undefined, departmentId: undefined }, false).length > 0;

    let rows: Array<{ status: CaseStatus; n: number }>;
    if (!narrowed && scope.kind === 'all') {
      const dept = f.departmentId ? ` AND department_id = ${p.add(f.departmentId)}` : '';
      rows = await this.db.query(
        `SELECT status, sum(n)::int AS n FROM case_status_counts WHERE kind = ${kind}${dept} AND n > 0 GROUP BY status`,
        p.values,
      );
    } else if (!narrowed && scope.kind === 'department' && (!f.departmentId || f.departmentId === scope.departmentId)) {
      const dept = p.add(scope.departmentId);
      rows = await this.db.query(
        `SELECT status, sum(n)::int AS n FROM (
           SELECT status, n FROM case_status_counts WHERE kind = ${kind} AND department_id = ${dept}
           UNION ALL
           SELECT c.status, count(*) FROM cases c JOIN case_shares s ON s.case_id = c.id AND s.department_id = ${dept}
           WHERE c.kind = ${kind} AND c.department_id IS DISTINCT FROM ${dept} GROUP BY c.status
         ) t WHERE n > 0 GROUP BY status`,
        p.values,
      );
    } else if (f.subjectLike) {
      return this.countSearch(scope, f, false);
    } else {
      rows = await this.countLive(scope, f);
    }
    return { byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])), capped: false };
  }

  private countLive(scope: Exclude<CaseScope, { kind: 'none' }>, f: QueueFilter): Promise<Array<{ status: CaseStatus; n: number }>> {
    const p = new Params();
    const where = [`c.kind = ${p.add(scope.caseKind)}`, ...conditions(p, f, false)];
    if (scope.kind === 'all') {
      return this.db.query(
        `SELECT c.status, count(*)::int AS n FROM cases c WHERE ${where.join(' AND ')} GROUP BY c.status`,
        p.values,
      );
    }
    const dept = p.add(scope.departmentId);
    return this.db.query(
      `SELECT status, sum(n)::int AS n FROM (
         SELECT c.status, count(*) AS n FROM cases c WHERE c.department_id = ${dept} AND ${where.join(' AND ')} GROUP BY c.status
         UNION ALL
         SELECT c.status, count(*) FROM cases c JOIN case_shares s ON s.case_id = c.id AND s.department_id = ${dept}
         WHERE c.department_id IS DISTINCT FROM ${dept} AND ${where.join(' AND ')} GROUP BY c.status
       ) t GROUP BY status`,
      p.values,
    );
  }

  /** How many cases a search matches with all its filters, the status filter too, counted up to the cap. */
  async countSearchTotal(scope: CaseScope, f: QueueFilter): Promise<{ n: number; atLeast: boolean }> {
    if (scope.kind === 'none' || (f.kind !== undefined && f.kind !== scope.caseKind)) return { n: 0, atLeast: false };
    const { byStatus, capped } = await this.countSearch(scope, f, true);
    const n = Object.values(byStatus).reduce((sum, k) => sum + k, 0);
    return { n: Math.min(n, this.searchCountCap), atLeast: capped };
  }

  /** A search's matches, counted until one more than the cap is found (no order: the planner takes them as they come). */
  private async countSearch(scope: Exclude<CaseScope, { kind: 'none' }>, f: QueueFilter, withStatus: boolean): Promise<StatusCounts> {
    const p = new Params();
    const where = [`c.kind = ${p.add(scope.caseKind)}`, ...conditions(p, f, withStatus)];
    const dept = scope.kind === 'department' ? p.add(scope.departmentId) : null;
    const matches =
      dept === null
        ? `SELECT c.status FROM cases c WHERE ${where.join(' AND ')}`
        : `SELECT c.status FROM cases c WHERE c.department_id = ${dept} AND ${where.join(' AND ')}
           UNION ALL
           SELECT c.status FROM cases c JOIN case_shares s ON s.case_id = c.id AND s.department_id = ${dept}
           WHERE c.department_id IS DISTINCT FROM ${dept} AND ${where.join(' AND ')}`;
    const rows: Array<{ status: CaseStatus; n: number }> = await this.db.query(
      `SELECT status, count(*)::int AS n FROM (${matches} LIMIT ${p.add(this.searchCountCap + 1)}) m GROUP BY status`,
      p.values,
    );
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    return { byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])), capped: total > this.searchCountCap };
  }
}

/** The filter as SQL conditions on alias `c`. */
function conditions(p: Params, f: QueueFilter, withStatus: boolean): string[] {
  const out: string[] = [];
  if (f.kind) out.push(`c.kind = ${p.add(f.kind)}`);
  if (withStatus && f.status) out.push(`c.status = ANY(${p.add(f.status)}::text[])`);
  if (f.departmentId) out.push(`c.department_id = ${p.add(f.departmentId)}`);
  if (f.assigneeId) out.push(`c.assignee_id = ${p.add(f.assigneeId)}`);
  if (f.channel) out.push(`c.channel = ${p.add(f.channel)}`);
  if (f.openOnly) out.push(`c.status IN (${OPEN_STATUSES_SQL})`);
  if (f.dueFrom) out.push(`c.due_at >= ${p.add(f.dueFrom)}`);
  if (f.dueBefore) out.push(`c.due_at < ${p.add(f.dueBefore)}`);
  if (f.notOverdueAt) {
    out.push(`NOT (c.status IN (${OPEN_STATUSES_SQL}) AND c.due_at < ${p.add(f.notOverdueAt)})`);
  }
  if (f.unexplained) out.push('c.explained_at IS NULL');
  if (f.referenceNo) out.push(`c.reference_no = ${p.add(f.referenceNo)}`);
  if (f.subjectLike) out.push(`c.subject ILIKE ${p.add(f.subjectLike)}`);
  return out;
}
