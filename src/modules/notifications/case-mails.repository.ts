import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CaseStatus } from '../cases';

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
  departmentNameEn: string | null;
}

export interface AcknowledgementRow {
  referenceNo: string;
  trackingCode: string;
  subject: string;
  dueAt: Date;
  complainantName: string;
}

/** What the case mails say, read at send time so that a retry never sends stale text. */
@Injectable()
export class CaseMailsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The public event and its case; null once the event is not for the complainant's eyes. */
  async caseUpdate(eventId: string): Promise<CaseUpdateRow | null> {
    const rows: CaseUpdateRow[] = await this.db.query(
      `SELECT c.reference_no AS "referenceNo", c.tracking_code AS "trackingCode", c.subject,
              p.name AS "complainantName", e.action, e.to_status AS status, e.message,
              e.expected_at AS "expectedAt", e.agency
       FROM case_events e JOIN cases c ON c.id = e.case_id JOIN complainants p ON p.id = c.complainant_id
       WHERE e.id = $1 AND e.public AND c.kind = 'general' AND c.tracking_code IS NOT NULL AND NOT p.anonymous`,
      [eventId],
    );
    return rows[0] ?? null;
  }

  async assignment(eventId: string): Promise<AssignmentRow | null> {
    const rows: AssignmentRow[] = await this.db.query(
      `SELECT c.reference_no AS "referenceNo", c.subject, c.due_at AS "dueAt", e.action,
              d.name_th AS "departmentName", d.name_en AS "departmentNameEn"
       FROM case_events e JOIN cases c ON c.id = e.case_id LEFT JOIN departments d ON d.id = e.department_id
       WHERE e.id = $1`,
      [eventId],
    );
    return rows[0] ?? null;
  }

  async acknowledgement(caseId: string): Promise<AcknowledgementRow | null> {
    const rows: AcknowledgementRow[] = await this.db.query(
      `SELECT c.reference_no AS "referenceNo", c.tracking_code AS "trackingCode", c.subject,
              c.due_at AS "dueAt", p.name AS "complainantName"
       FROM cases c JOIN complainants p ON p.id = c.complainant_id
       WHERE c.id = $1 AND c.kind = 'general' AND c.tracking_code IS NOT NULL AND NOT p.anonymous`,
      [caseId],
    );
    return rows[0] ?? null;
  }
}
