import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DEPARTMENT_ROLES } from '../users/user-rules';
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
      `SELECT 1 FROM users WHERE id = $1 AND department_id = $2 AND active AND role = ANY($3::text[])`,
      [userId, departmentId, [...DEPARTMENT_ROLES]],
    );
    return rows.length > 0;
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
