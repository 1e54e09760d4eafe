import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { UnnestColumn, unnestInsert } from '../../database/unnest-insert';
import { DEPARTMENT_ROLES } from '../users/user-rules';
import { Notification } from './notification.entity';
import { dedupeKey, Notice } from './notice';

const OUTBOX_COLUMNS: ReadonlyArray<UnnestColumn<Notice>> = [
  ['dedupe_key', 'text', (n) => dedupeKey(n)],
  ['case_id', 'uuid', (n) => n.caseId],
  ['event_id', 'bigint', (n) => n.eventId ?? null],
  ['user_id', 'uuid', (n) => n.userId ?? null],
  ['template', 'text', (n) => n.template],
  ['recipient', 'text', (n) => n.recipient],
  ['locale', 'text', (n) => n.locale],
];

const MARK_SENT = `UPDATE notifications SET status = 'sent', sent_at = $2, attempts = attempts + 1, last_error = NULL
  WHERE id = $1 AND status = 'pending'`;

export interface SentMark {
  mark(id: string, at: Date): Promise<void>;
  release(): Promise<void>;
}

/** A pending outbox row the reconciler looks at. */
export interface StalePending {
  id: string;
  createdAt: Date;
}

/** The outbox and the addresses notices go to. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The ids of the rows written; a notice already in the outbox is skipped, not doubled. */
  async insertMany(m: EntityManager, notices: Notice[]): Promise<string[]> {
    if (notices.length === 0) return [];
    const { sql, params } = unnestInsert('notifications', OUTBOX_COLUMNS, notices);
    const rows: Array<{ id: string }> = await m.query(`${sql} ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`, params);
    return rows.map((r) => r.id);
  }

  findPending(id: string): Promise<Notification | null> {
    return this.db.getRepository(Notification).findOneBy({ id, status: 'pending' });
  }

  /**
   * An earlier notice of the same case to the same person still waiting:
   * this one must not overtake it (the "closed" mail never arrives before
   * the "resolved" one).
   */
  async hasEarlierPending(n: Notification): Promise<boolean> {
    if (!n.caseId) return false;
    const rows = await this.db.query(
      `SELECT 1 FROM notifications
       WHERE case_id = $1 AND recipient = $2 AND status = 'pending' AND seq < $3 LIMIT 1`,
      [n.caseId, n.recipient, n.seq],
    );
    return rows.length > 0;
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.db.query(MARK_SENT, [id, at]);
  }

  /**
   * A connection of its own for marking one row sent, taken before the mail
   * goes: the mark then never queues in the pool behind other work, so the
   * time between the mail server's acceptance and the mark (when a crash
   * repeats a mail) is one round trip, even under load.
   */
  async reserveSentMark(): Promise<SentMark> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    return {
      mark: async (id, at) => {
        await runner.query(MARK_SENT, [id, at]);
      },
      release: () => runner.release(),
    };
  }

  async recordFailure(id: string, error: string, permanent: boolean): Promise<void> {
    await this.db.query(
      `UPDATE notifications SET attempts = attempts + 1, last_error = $2,
              status = CASE WHEN $3 THEN 'failed' ELSE status END
       WHERE id = $1 AND status = 'pending'`,
      [id, error.slice(0, 1000), permanent],
    );
  }

  async cancel(id: string, reason: string): Promise<void> {
    await this.db.query(`UPDATE notifications SET status = 'cancelled', last_error = $2 WHERE id = $1 AND status = 'pending'`, [
      id,
      reason,
    ]);
  }

  /**
   * Pending rows old enough that their job should long have run, oldest
   * first, a page at a time: `after` is the last row of the page before.
   */
  async findStalePending(olderThan: Date, limit: number, after?: StalePending): Promise<StalePending[]> {
    return this.db.query(
      `SELECT id, created_at AS "createdAt" FROM notifications
       WHERE status = 'pending' AND coalesce(requeued_at, created_at) < $1
         AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
       ORDER BY created_at, id LIMIT $2`,
      [olderThan, limit, after?.createdAt ?? null, after?.id ?? null],
    );
  }

  async expirePending(olderThan: Date): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.db.query(
      `WITH expired AS (
         UPDATE notifications SET status = 'failed', last_error = coalesce(last_error || ' ', '') || '(gave up)'
         WHERE status = 'pending' AND coalesce(requeued_at, created_at) < $1 RETURNING 1)
       SELECT count(*)::int AS n FROM expired`,
      [olderThan],
    );
    return n;
  }

  // Addresses, read inside the change's transaction.

  /** The addresses of those who gave one, by complainant id. */
  async complainantEmails(m: EntityManager, complainantIds: string[]): Promise<Map<string, string>> {
    if (complainantIds.length === 0) return new Map();
    const rows: Array<{ id: string; email: string }> = await m.query(
      `SELECT id, email FROM complainants WHERE id = ANY($1::uuid[]) AND NOT anonymous AND email IS NOT NULL`,
      [complainantIds],
    );
    return new Map(rows.map((r) => [r.id, r.email]));
  }

  /** Active staff of a department who can take a case: its officers and its head. */
  departmentStaff(m: EntityManager, departmentId: string): Promise<Array<{ id: string; email: string }>> {
    return m.query(
      `SELECT id, email FROM users WHERE department_id = $1 AND active AND role = ANY($2::text[]) ORDER BY email`,
      [departmentId, [...DEPARTMENT_ROLES]],
    );
  }

  async activeUser(m: EntityManager, userId: string): Promise<{ id: string; email: string } | null> {
    const rows: Array<{ id: string; email: string }> = await m.query(`SELECT id, email FROM users WHERE id = $1 AND active`, [userId]);
    return rows[0] ?? null;
  }
}
