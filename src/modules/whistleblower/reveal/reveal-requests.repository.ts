import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export type RevealStatus = 'pending' | 'approved' | 'refused' | 'used';

export interface RevealRequestRow {
  id: string;
  caseId: string;
  requestedBy: string;
  requesterName: string;
  reason: string;
  requestedAt: Date;
  status: RevealStatus;
  decidedBy: string | null;
  decidedAt: Date | null;
}

const COLUMNS = `r.id, r.case_id AS "caseId", r.requested_by AS "requestedBy", u.display_name AS "requesterName", r.reason,
  r.requested_at AS "requestedAt", r.status, r.decided_by AS "decidedBy", r.decided_at AS "decidedAt"`;

/** Requests to reveal an identity that wait for a custodian (identity.revealNeedsApproval). */
@Injectable()
export class RevealRequestsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The officer's open request on the case (pending or approved), locked. */
  async findOpen(m: EntityManager, caseId: string, userId: string): Promise<RevealRequestRow | null> {
    const rows: RevealRequestRow[] = await m.query(
      `SELECT ${COLUMNS} FROM identity_reveal_requests r JOIN users u ON u.id = r.requested_by
       WHERE r.case_id = $1 AND r.requested_by = $2 AND r.status IN ('pending', 'approved') FOR UPDATE OF r`,
      [caseId, userId],
    );
    return rows[0] ?? null;
  }

  async insert(m: EntityManager, caseId: string, userId: string, reason: string, at: Date): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO identity_reveal_requests (case_id, requested_by, reason, requested_at, status)
       VALUES ($1, $2, $3, $4, 'pending') RETURNING id`,
      [caseId, userId, reason, at],
    );
    return row.id;
  }

  async findForDecision(m: EntityManager, id: string): Promise<RevealRequestRow | null> {
    const rows: RevealRequestRow[] = await m.query(
      `SELECT ${COLUMNS} FROM identity_reveal_requests r JOIN users u ON u.id = r.requested_by WHERE r.id = $1 FOR UPDATE OF r`,
      [id],
    );
    return rows[0] ?? null;
  }

  async decide(m: EntityManager, id: string, status: 'approved' | 'refused', by: string, at: Date, reason: string | null): Promise<void> {
    await m.query(
      `UPDATE identity_reveal_requests SET status = $2, decided_by = $3, decided_at = $4, decision_reason = $5 WHERE id = $1`,
      [id, status, by, at, reason],
    );
  }

  /** An approval is spent by the one reveal it allowed; the request it answered, expired, is closed the same way. */
  async close(m: EntityManager, id: string, status: 'used' | 'refused', at: Date): Promise<void> {
    await m.query(`UPDATE identity_reveal_requests SET status = $2, used_at = $3 WHERE id = $1`, [id, status, at]);
  }

  pending(limit: number): Promise<RevealRequestRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM identity_reveal_requests r JOIN users u ON u.id = r.requested_by
       WHERE r.status = 'pending' ORDER BY r.requested_at, r.id LIMIT $1`,
      [limit],
    );
  }
}
