import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { CaseStatus } from './case.types';
import { Cursor, OPEN_STATUSES, QueueFilter, SortSpec } from './case-queue';
import { CaseScope, scopeCondition } from './case-scope';

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
}

/** The queue's reads. Each is one range scan on an index of (scope, sort key, id). */
@Injectable()
export class CaseQueueRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findPage(scope: CaseScope, f: QueueFilter, sort: SortSpec, limit: number, after?: Cursor): Promise<QueueRow[]> {
    const qb = this.filtered(scope, f, true).select([
      'c.id AS "id"',
      'c.reference_no AS "referenceNo"',
      'c.kind AS "kind"',
      'c.channel AS "channel"',
      'c.status AS "status"',
      'c.subject AS "subject"',
      'c.department_id AS "departmentId"',
      'c.assignee_id AS "assigneeId"',
      'c.received_at AS "receivedAt"',
      'c.due_at AS "dueAt"',
      'c.updated_at AS "updatedAt"',
      `to_char(c.${sort.column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "sortKey"`,
    ]);
    const dir = sort.descending ? 'DESC' : 'ASC';
    if (after) {
      qb.andWhere(`(c.${sort.column}, c.id) ${sort.descending ? '<' : '>'} (CAST(:afterValue AS timestamptz), CAST(:afterId AS uuid))`, {
        afterValue: after.value,
        afterId: after.id,
      });
    }
    return qb
      .orderBy(`c.${sort.column}`, dir)
      .addOrderBy('c.id', dir)
      .limit(limit)
      .getRawMany<QueueRow>();
  }

  /** Per-status counts for the same filters, the status filter aside. */
  async countByStatus(scope: CaseScope, f: QueueFilter): Promise<Partial<Record<CaseStatus, number>>> {
    const rows = await this.filtered(scope, f, false)
      .select('c.status', 'status')
      .addSelect('count(*)::int', 'n')
      .groupBy('c.status')
      .getRawMany<{ status: CaseStatus; n: number }>();
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  private filtered(scope: CaseScope, f: QueueFilter, withStatus: boolean): SelectQueryBuilder<ObjectLiteral> {
    const s = scopeCondition(scope);
    const qb = this.db.createQueryBuilder().from('cases', 'c').where(s.sql, s.params);
    if (f.kind) qb.andWhere('c.kind = :kind', { kind: f.kind });
    if (withStatus && f.status) qb.andWhere('c.status = ANY(:statuses)', { statuses: f.status });
    if (f.departmentId) qb.andWhere('c.department_id = :departmentId', { departmentId: f.departmentId });
    if (f.assigneeId) qb.andWhere('c.assignee_id = :assigneeId', { assigneeId: f.assigneeId });
    if (f.channel) qb.andWhere('c.channel = :channel', { channel: f.channel });
    if (f.openOnly) qb.andWhere('c.status IN (:...open)', { open: OPEN_STATUSES });
    if (f.dueFrom) qb.andWhere('c.due_at >= :dueFrom', { dueFrom: f.dueFrom });
    if (f.dueBefore) qb.andWhere('c.due_at < :dueBefore', { dueBefore: f.dueBefore });
    if (f.notOverdueAt) {
      qb.andWhere('NOT (c.status IN (:...openNow) AND c.due_at < :notOverdueAt)', {
        openNow: OPEN_STATUSES,
        notOverdueAt: f.notOverdueAt,
      });
    }
    if (f.unexplained) qb.andWhere('c.explained_at IS NULL');
    if (f.referenceNo) qb.andWhere('c.reference_no = :referenceNo', { referenceNo: f.referenceNo });
    if (f.subjectLike) qb.andWhere('c.subject ILIKE :subjectLike', { subjectLike: f.subjectLike });
    return qb;
  }
}
