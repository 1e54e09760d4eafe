import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CaseStatus } from './case.types';

export interface CaseChanges {
  status: CaseStatus;
  departmentId?: string | null;
  assigneeId?: string | null;
  expectedAt?: Date | null;
  explainedAt?: Date | null;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  referredTo?: string | null;
  mergedIntoId?: string | null;
}

const COLUMNS: Record<keyof CaseChanges, string> = {
  status: 'status',
  departmentId: 'department_id',
  assigneeId: 'assignee_id',
  expectedAt: 'expected_at',
  explainedAt: 'explained_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  referredTo: 'referred_to',
  mergedIntoId: 'merged_into_id',
};

/** The writes and lookups of the workflow, always inside the action's transaction. */
@Injectable()
export class CaseWorkflowRepository {
  async apply(m: EntityManager, caseId: string, changes: CaseChanges): Promise<void> {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as Array<[keyof CaseChanges, unknown]>;
    const sets = entries.map(([k], i) => `${COLUMNS[k]} = $${i + 2}`);
    await m.query(`UPDATE cases SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`, [
      caseId,
      ...entries.map(([, v]) => v),
    ]);
  }

  /** Locks rows in id order, so that two merges pointing at each other cannot deadlock. */
  async lockInOrder(m: EntityManager, ids: string[]): Promise<void> {
    await m.query(`SELECT id FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  }

  async isActiveDepartment(m: EntityManager, departmentId: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM departments WHERE id = $1 AND active`, [departmentId]);
    return rows.length > 0;
  }

  /** An active officer or head of the department, the only people a case can be assigned to. */
  async isAssignable(m: EntityManager, userId: string, departmentId: string): Promise<boolean> {
    const rows = await m.query(
      `SELECT 1 FROM users WHERE id = $1 AND department_id = $2 AND active AND role IN ('officer', 'head')`,
      [userId, departmentId],
    );
    return rows.length > 0;
  }

  async departmentStaff(m: EntityManager, departmentId: string): Promise<Array<{ id: string; email: string }>> {
    return m.query(
      `SELECT id, email FROM users WHERE department_id = $1 AND active AND role IN ('officer', 'head') ORDER BY email`,
      [departmentId],
    );
  }

  async userEmail(m: EntityManager, userId: string): Promise<string | null> {
    const rows: Array<{ email: string }> = await m.query(`SELECT email FROM users WHERE id = $1 AND active`, [userId]);
    return rows[0]?.email ?? null;
  }

  async complainantEmail(m: EntityManager, complainantId: string | null): Promise<string | null> {
    if (!complainantId) return null;
    const rows: Array<{ email: string | null }> = await m.query(
      `SELECT email FROM complainants WHERE id = $1 AND NOT anonymous`,
      [complainantId],
    );
    return rows[0]?.email ?? null;
  }

  async share(m: EntityManager, caseId: string, departmentId: string, by: string): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO case_shares (case_id, department_id, shared_by) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING case_id`,
      [caseId, departmentId, by],
    );
    return rows.length > 0;
  }
}
