import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseKind, CaseStatus, OPEN_STATUSES_SQL } from '../cases';
import type { DigestItem, DigestSection } from './templates/digest';

export interface NoticeRow {
  referenceNo: string;
  trackingCode: string;
  subject: string;
  complainantName: string;
  status: CaseStatus;
  dueAt: Date;
  divisionTh: string | null;
  divisionEn: string | null;
  explainedAt: Date | null;
  explanation: string | null;
  expectedAt: Date | null;
}

export interface StaffCaseRow {
  kind: CaseKind;
  referenceNo: string;
  subject: string;
  status: CaseStatus;
  dueAt: Date;
  expectedAt: Date | null;
  departmentTh: string | null;
  departmentEn: string | null;
}

export interface DigestReader {
  role: string;
  departmentId: string | null;
  departmentTh: string | null;
  departmentEn: string | null;
}

const DIGEST_ITEMS = 20;
/** How far back an explanation still answers for the deadline (seed 004's 15 days). */
const EXPLANATION_WINDOW = `interval '15 days'`;

/** What the deadline mails say, read when they are sent, so that a retry never sends stale text. */
@Injectable()
export class DeadlineMailsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The overdue line and its case: who it was with then, and the explanation written in the 15 days before it. */
  async notice(eventId: string): Promise<NoticeRow | null> {
    const rows: NoticeRow[] = await this.db.query(
      `SELECT c.reference_no AS "referenceNo", c.tracking_code AS "trackingCode", c.subject, p.name AS "complainantName",
              c.status, c.due_at AS "dueAt", d.name_th AS "divisionTh", d.name_en AS "divisionEn",
              x.at AS "explainedAt", x.message AS explanation, x.expected_at AS "expectedAt"
       FROM case_events e
       JOIN cases c ON c.id = e.case_id
       JOIN complainants p ON p.id = c.complainant_id
       LEFT JOIN departments d ON d.id = e.department_id
       LEFT JOIN LATERAL (
         SELECT at, message, expected_at FROM case_events x
         WHERE x.case_id = c.id AND x.action = 'explain' AND x.public AND x.at <= e.at AND x.at >= e.at - ${EXPLANATION_WINDOW}
         ORDER BY x.at DESC, x.id DESC LIMIT 1
       ) x ON true
       WHERE e.id = $1 AND e.action = 'overdue' AND c.kind = 'general' AND c.tracking_code IS NOT NULL AND NOT p.anonymous`,
      [eventId],
    );
    return rows[0] ?? null;
  }

  async staffCase(caseId: string): Promise<StaffCaseRow | null> {
    const rows: StaffCaseRow[] = await this.db.query(
      `SELECT c.kind, c.reference_no AS "referenceNo", c.subject, c.status, c.due_at AS "dueAt", c.expected_at AS "expectedAt",
              d.name_th AS "departmentTh", d.name_en AS "departmentEn"
       FROM cases c LEFT JOIN departments d ON d.id = c.department_id WHERE c.id = $1`,
      [caseId],
    );
    return rows[0] ?? null;
  }

  async digestReader(userId: string): Promise<DigestReader | null> {
    const rows: DigestReader[] = await this.db.query(
      `SELECT u.role, u.department_id AS "departmentId", d.name_th AS "departmentTh", d.name_en AS "departmentEn"
       FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.id = $1 AND u.active`,
      [userId],
    );
    return rows[0] ?? null;
  }

  /**
   * Open general cases of a department (null: of every division) in three
   * windows: overdue (before `now`), due today (before `endOfToday`), due
   * within 3 days (before `horizon`).
   */
  async digest(
    departmentId: string | null,
    now: Date,
    endOfToday: Date,
    horizon: Date,
  ): Promise<{ overdue: DigestSection; dueToday: DigestSection; dueSoon: DigestSection }> {
    const rows: Array<DigestItem & { section: 'overdue' | 'dueToday' | 'dueSoon'; total: number }> = await this.db.query(
      `WITH open AS (
         SELECT reference_no AS "referenceNo", subject, due_at AS "dueAt",
                CASE WHEN due_at < $2 THEN 'overdue' WHEN due_at < $3 THEN 'dueToday' ELSE 'dueSoon' END AS section
         FROM cases
         WHERE kind = 'general' AND status IN (${OPEN_STATUSES_SQL}) AND due_at < $4
           AND ($1::uuid IS NULL OR department_id = $1)
       ), ranked AS (
         SELECT *, row_number() OVER (PARTITION BY section ORDER BY "dueAt") AS n, count(*) OVER (PARTITION BY section)::int AS total FROM open
       )
       SELECT "referenceNo", subject, "dueAt", section, total FROM ranked WHERE n <= ${DIGEST_ITEMS} ORDER BY "dueAt"`,
      [departmentId, now, endOfToday, horizon],
    );
    const section = (name: string): DigestSection => {
      const items = rows.filter((r) => r.section === name);
      return { items: items.map(({ referenceNo, subject, dueAt }) => ({ referenceNo, subject, dueAt })), total: items[0]?.total ?? 0 };
    };
    return { overdue: section('overdue'), dueToday: section('dueToday'), dueSoon: section('dueSoon') };
  }

  /** Who gets a digest: every active department head, and the centre. */
  digestReaders(): Promise<Array<{ id: string; email: string; departmentId: string | null }>> {
    return this.db.query(
      `SELECT id, email, department_id AS "departmentId" FROM users
       WHERE active AND (role = 'center' OR (role = 'head' AND department_id IS NOT NULL)) ORDER BY email`,
    );
  }
}
