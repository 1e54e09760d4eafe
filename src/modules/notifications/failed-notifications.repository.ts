import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Cursor, cursorValueSql } from '../../common/pagination/keyset-cursor';
import type { NotificationTemplate } from './templates/catalogue';

export interface FailedRow {
  id: string;
  template: NotificationTemplate;
  caseId: string | null;
  referenceNo: string | null;
  recipient: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  cursorValue: string;
}

/** The mails that gave up, for the administrator to see and put back in line. */
@Injectable()
export class FailedNotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first, walking (created_at, id) downwards from the cursor. */
  findPage(limit: number, after?: Cursor): Promise<FailedRow[]> {
    const params: unknown[] = [limit];
    let where = `n.status = 'failed'`;
    if (after) {
      params.push(after.value, after.id);
      where += ` AND (n.created_at, n.id) < ($2::timestamptz, $3::uuid)`;
    }
    return this.db.query(
      `SELECT n.id, n.template, n.case_id AS "caseId", c.reference_no AS "referenceNo", n.recipient, n.attempts,
              n.last_error AS "lastError", n.created_at AS "createdAt", ${cursorValueSql('n.created_at')} AS "cursorValue"
       FROM notifications n LEFT JOIN cases c ON c.id = n.case_id
       WHERE ${where} ORDER BY n.created_at DESC, n.id DESC LIMIT $1`,
      params,
    );
  }

  /** Back to pending with a fresh week of tries; null when it is not a failed notification. */
  async requeue(m: EntityManager, id: string, at: Date): Promise<{ id: string; template: NotificationTemplate; caseId: string | null } | null> {
    // TypeORM answers an UPDATE with [rows, count].
    const [rows]: [Array<{ id: string; template: NotificationTemplate; caseId: string | null }>, number] = await m.query(
      `UPDATE notifications SET status = 'pending', requeued_at = $2, last_error = NULL
       WHERE id = $1 AND status = 'failed' RETURNING id, template, case_id AS "caseId"`,
      [id, at],
    );
    return rows[0] ?? null;
  }
}
