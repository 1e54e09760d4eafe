import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Locale } from '../../common/time/thai-calendar';
import { Notification } from './notification.entity';
import type { CaseStatus } from '../cases/case.types';
import type { NotificationTemplate } from './templates';

export interface OutboxEntry {
  caseId: string | null;
  eventId?: string;
  userId?: string;
  template: NotificationTemplate;
  recipient: string;
  locale: Locale;
}

export interface CaseUpdateRow {
  referenceNo: string;
  trackingCode: string;
  subject: string;
  complainantName: string;
  action: string;
  status: CaseStatus;
  message: string | null;
  expectedAt: Date | null;
  agency: string | null;
}

export interface AssignmentRow {
  referenceNo: string;
  subject: string;
  dueAt: Date;
  action: string;
  departmentName: string | null;
}

export interface AcknowledgementRow {
  referenceNo: string;
  trackingCode: string;
  subject: string;
  dueAt: Date;
  complainantName: string;
}

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(m: EntityManager, entry: OutboxEntry): Promise<string> {
    const result = await m.insert(Notification, { ...entry, status: 'pending', attempts: 0 });
    return result.identifiers[0].id as string;
  }

  findPending(id: string): Promise<Notification | null> {
    return this.db.getRepository(Notification).findOneBy({ id, status: 'pending' });
  }

  async markSent(id: string): Promise<void> {
    await this.db.query(
      `UPDATE notifications SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL
       WHERE id = $1 AND status = 'pending'`,
      [id],
    );
  }

  async recordFailure(id: string, error: string, permanent: boolean): Promise<void> {
    await this.db.query(
      `UPDATE notifications SET attempts = attempts + 1, last_error = $2,
              status = CASE WHEN $3 THEN 'failed' ELSE status END
       WHERE id = $1 AND status = 'pending'`,
      [id, error.slice(0, 1000), permanent],
    );
  }

  /** Pending rows old enough that their job should long have run. */
  async findStalePending(olderThan: Date, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM notifications WHERE status = 'pending' AND created_at < $1 ORDER BY created_at LIMIT $2`,
      [olderThan, limit],
    );
    return rows.map((r) => r.id);
  }

  async expirePending(olderThan: Date): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.db.query(
      `WITH expired AS (
         UPDATE notifications SET status = 'failed', last_error = coalesce(last_error || ' ', '') || '(gave up)'
         WHERE status = 'pending' AND created_at < $1 RETURNING 1)
       SELECT count(*)::int AS n FROM expired`,
      [olderThan],
    );
    return n;
  }

  /** The public event and the case it belongs to; null once the event is not for the complainant's eyes. */
  async loadCaseUpdate(eventId: string): Promise<CaseUpdateRow | null> {
    const rows: CaseUpdateRow[] = await this.db.query(
      `SELECT c.reference_no AS "referenceNo", c.tracking_code AS "trackingCode", c.subject,
              p.name AS "complainantName", e.action, e.to_status AS status, e.message,
              e.expected_at AS "expectedAt", e.agency
       FROM case_events e JOIN cases c ON c.id = e.case_id JOIN complainants p ON p.id = c.complainant_id
       WHERE e.id = $1 AND e.public AND c.tracking_code IS NOT NULL AND NOT p.anonymous`,
      [eventId],
    );
    return rows[0] ?? null;
  }

  async loadAssignment(eventId: string): Promise<AssignmentRow | null> {
    const rows: AssignmentRow[] = await this.db.query(
      `SELECT c.reference_no AS "referenceNo", c.subject, c.due_at AS "dueAt", e.action,
              d.name_th AS "departmentName"
       FROM case_events e JOIN cases c ON c.id = e.case_id LEFT JOIN departments d ON d.id = e.department_id
       WHERE e.id = $1`,
      [eventId],
    );
    return rows[0] ?? null;
  }

  async loadAcknowledgement(caseId: string): Promise<AcknowledgementRow | null> {
    const rows: AcknowledgementRow[] = await this.db.query(
      `SELECT c.reference_no AS "referenceNo", c.tracking_code AS "trackingCode", c.subject,
              c.due_at AS "dueAt", p.name AS "complainantName"
       FROM cases c JOIN complainants p ON p.id = c.complainant_id
       WHERE c.id = $1 AND c.tracking_code IS NOT NULL AND NOT p.anonymous`,
      [caseId],
    );
    return rows[0] ?? null;
  }
}
