import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Cursor, cursorValueSql } from '../../common/pagination/keyset-cursor';
import type { AuditAction, AuditEntry } from './audit.types';

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: AuditAction;
  caseId: string | null;
  subjectUserId: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  /** The position of this row, for the next page's cursor. */
  cursorValue: string;
}

export interface AuditFilter {
  action?: AuditAction;
  actorId?: string;
  caseId?: string;
  from?: Date;
  to?: Date;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(m: EntityManager, e: AuditEntry, at: Date): Promise<void> {
    await m.query(
      `INSERT INTO audit_log (at, actor_id, actor_role, action, case_id, subject_user_id, reason, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [at, e.actor.id, e.actor.role, e.action, e.caseId ?? null, e.subjectUserId ?? null, e.reason ?? null, e.details ?? null],
    );
  }

  /** Newest first, walking (at, id) downwards from the cursor. */
  findPage(f: AuditFilter, limit: number, after?: Cursor): Promise<AuditRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.action) add('action = ?', f.action);
    if (f.actorId) add('actor_id = ?', f.actorId);
    if (f.caseId) add('case_id = ?', f.caseId);
    if (f.from) add('at >= ?', f.from);
    if (f.to) add('at < ?', f.to);
    if (after) {
      params.push(after.value, after.id);
      where.push(`(at, id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
    }
    params.push(limit);
    return this.db.query(
      `SELECT id::text AS id, at, actor_id AS "actorId", actor_role AS "actorRole", action, case_id AS "caseId",
              subject_user_id AS "subjectUserId", reason, details, ${cursorValueSql('at')} AS "cursorValue"
       FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  }
}
