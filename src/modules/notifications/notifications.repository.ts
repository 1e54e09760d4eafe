import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Locale } from '../../common/time/thai-calendar';
import { Notification } from './notification.entity';
import type { NotificationTemplate } from './templates';

export interface OutboxEntry {
  caseId: string | null;
  template: NotificationTemplate;
  recipient: string;
  locale: Locale;
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
