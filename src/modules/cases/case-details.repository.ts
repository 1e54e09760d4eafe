import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface TimelineRow {
  id: string;
  at: Date;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  public: boolean;
  message: string | null;
  actorId: string | null;
  actorName: string | null;
  actorRole: string;
  departmentId: string | null;
  assigneeId: string | null;
  expectedAt: Date | null;
  agency: string | null;
  relatedCaseId: string | null;
  outcome: string | null;
}

export interface CaseContextRow {
  categoryCode: string | null;
  categoryName: string | null;
  departmentCode: string | null;
  departmentName: string | null;
  assigneeName: string | null;
  anonymous: boolean | null;
  vaulted: boolean | null;
  complainantName: string | null;
  complainantEmail: string | null;
  complainantPhone: string | null;
  complainantAddress: string | null;
}

/** The reads behind a staff member's view of one case. */
@Injectable()
export class CaseDetailsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async context(caseId: string): Promise<CaseContextRow> {
    const [row] = await this.db.query(
      `SELECT cat.code AS "categoryCode", cat.name_th AS "categoryName",
              d.code AS "departmentCode", d.name_th AS "departmentName",
              u.display_name AS "assigneeName",
              p.anonymous, p.vaulted, p.name AS "complainantName", p.email AS "complainantEmail",
              p.phone AS "complainantPhone", p.address AS "complainantAddress"
       FROM cases c
       LEFT JOIN categories cat ON cat.id = c.category_id
       LEFT JOIN departments d ON d.id = c.department_id
       LEFT JOIN users u ON u.id = c.assignee_id
       LEFT JOIN complainants p ON p.id = c.complainant_id
       WHERE c.id = $1`,
      [caseId],
    );
    return row;
  }

  shares(caseId: string): Promise<Array<{ id: string; code: string; name: string }>> {
    return this.db.query(
      `SELECT d.id, d.code, d.name_th AS name FROM case_shares s JOIN departments d ON d.id = s.department_id
       WHERE s.case_id = $1 ORDER BY s.shared_at`,
      [caseId],
    );
  }

  timeline(caseId: string): Promise<TimelineRow[]> {
    return this.db.query(
      `SELECT e.id::text AS id, e.at, e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.public,
              e.message, e.actor_id AS "actorId", u.display_name AS "actorName", e.actor_role AS "actorRole",
              e.department_id AS "departmentId", e.assignee_id AS "assigneeId", e.expected_at AS "expectedAt",
              e.agency, e.related_case_id AS "relatedCaseId", e.outcome
       FROM case_events e LEFT JOIN users u ON u.id = e.actor_id
       WHERE e.case_id = $1 ORDER BY e.at, e.id`,
      [caseId],
    );
  }
}
