import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseStatus } from '../cases';

export interface ReportRow {
  caseId: string;
  referenceNo: string;
  status: CaseStatus;
  receivedAt: Date;
  dueAt: Date;
}

export interface ReportDetailsRow {
  accusedName: string | null;
  accusedPosition: string | null;
  accusedDepartment: string | null;
  incidentDate: string | null;
}

/** The messages of the channel on a case's timeline: the officer's `message` action, and the whistleblower's. */
export const WHISTLEBLOWER_MESSAGE = 'whistleblower_message';
export const WHISTLEBLOWER_ROLE = 'whistleblower' as const;

@Injectable()
export class WhistleblowerRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertReport(m: EntityManager, caseId: string, receiptHash: Buffer, details: ReportDetailsRow): Promise<void> {
    await m.query(
      `INSERT INTO whistleblower_reports (case_id, receipt_hash, accused_name, accused_position, accused_department, incident_date)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [caseId, receiptHash, details.accusedName, details.accusedPosition, details.accusedDepartment, details.incidentDate],
    );
  }

  async isOnlineReport(m: EntityManager, caseId: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM whistleblower_reports WHERE case_id = $1`, [caseId]);
    return rows.length > 0;
  }

  async caseOfReceipt(receiptHash: Buffer): Promise<string | null> {
    const rows: Array<{ caseId: string }> = await this.db.query(
      `SELECT case_id AS "caseId" FROM whistleblower_reports WHERE receipt_hash = $1`,
      [receiptHash],
    );
    return rows[0]?.caseId ?? null;
  }

  async report(caseId: string): Promise<ReportRow | null> {
    const rows: ReportRow[] = await this.db.query(
      `SELECT c.id AS "caseId", c.reference_no AS "referenceNo", c.status, c.received_at AS "receivedAt", c.due_at AS "dueAt"
       FROM whistleblower_reports r JOIN cases c ON c.id = r.case_id WHERE r.case_id = $1`,
      [caseId],
    );
    return rows[0] ?? null;
  }

  /** What the integrity officer reads beside the case: the report's own fields. */
  async details(caseId: string): Promise<ReportDetailsRow | null> {
    const rows: ReportDetailsRow[] = await this.db.query(
      `SELECT accused_name AS "accusedName", accused_position AS "accusedPosition",
              accused_department AS "accusedDepartment", to_char(incident_date, 'YYYY-MM-DD') AS "incidentDate"
       FROM whistleblower_reports WHERE case_id = $1`,
      [caseId],
    );
    return rows[0] ?? null;
  }

  /** Public steps and messages both ways, oldest first: what the whistleblower reads. */
  timeline(caseId: string): Promise<Array<{ at: Date; action: string; status: CaseStatus; public: boolean; message: string | null; outcome: string | null }>> {
    return this.db.query(
      `SELECT at, action, to_status AS status, public, message, outcome FROM case_events
       WHERE case_id = $1 AND (public OR action IN ('message', '${WHISTLEBLOWER_MESSAGE}'))
       ORDER BY at, id`,
      [caseId],
    );
  }

  async countFiles(caseId: string): Promise<number> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n FROM attachments WHERE case_id = $1 AND uploader_role = '${WHISTLEBLOWER_ROLE}'`,
      [caseId],
    );
    return row.n;
  }
}
