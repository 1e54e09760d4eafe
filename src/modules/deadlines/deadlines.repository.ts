import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseKind, CaseStatus, Locale, OPEN_STATUSES_SQL } from '../cases';
import { DEPARTMENT_ROLES } from '../users/user-rules';

export interface TimedCase {
  id: string;
  kind: CaseKind;
  status: CaseStatus;
  dueAt: Date;
  departmentId: string | null;
  assigneeId: string | null;
  complainantId: string | null;
  locale: Locale;
}

export interface Explanation {
  at: Date;
  message: string | null;
  expectedAt: Date | null;
}

export interface StaffRecipient {
  id: string;
  email: string;
}

/** An open case as the reconciler sees it, with the timers that fired for its current due date. */
export interface OpenCaseTimers {
  id: string;
  dueAt: Date;
  fired: string[];
}

const TIMED_COLUMNS = `id, kind, status, due_at AS "dueAt", department_id AS "departmentId", assignee_id AS "assigneeId",
  complainant_id AS "complainantId", locale`;

/** Every query of the deadline engine. */
@Injectable()
export class DeadlinesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The case, locked for the rest of the transaction: a timer and an action on it take turns. */
  async lockCase(m: EntityManager, caseId: string): Promise<TimedCase | null> {
    const rows: TimedCase[] = await m.query(`SELECT ${TIMED_COLUMNS} FROM cases WHERE id = $1 FOR UPDATE`, [caseId]);
    return rows[0] ?? null;
  }

  /** False when this timer already did its work (another worker, a redelivery, the reconciler). */
  async recordFiring(m: EntityManager, caseId: string, dueAt: Date, occasion: string, at: Date): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO deadline_firings (case_id, due_at, occasion, fired_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING occasion`,
      [caseId, dueAt, occasion, at],
    );
    return rows.length > 0;
  }

  async firedOccasions(m: EntityManager, caseId: string, dueAt: Date): Promise<Set<string>> {
    const rows: Array<{ occasion: string }> = await m.query(
      `SELECT occasion FROM deadline_firings WHERE case_id = $1 AND due_at = $2`,
      [caseId, dueAt],
    );
    return new Set(rows.map((r) => r.occasion));
  }

  async redate(m: EntityManager, caseId: string, receivedAt: Date, dueAt: Date): Promise<void> {
    await m.query(`UPDATE cases SET received_at = $2, due_at = $3, updated_at = now() WHERE id = $1`, [caseId, receivedAt, dueAt]);
  }

  /** The stored fact: overdue from its due date on, kept after the case is resolved. */
  async markOverdue(m: EntityManager, caseId: string): Promise<void> {
    await m.query(`UPDATE cases SET overdue_at = coalesce(overdue_at, due_at) WHERE id = $1`, [caseId]);
  }

  /** The officer's latest explanation to the complainant, if it was written since `since`. */
  async latestExplanation(m: EntityManager, caseId: string, since: Date): Promise<Explanation | null> {
    const rows: Explanation[] = await m.query(
      `SELECT at, message, expected_at AS "expectedAt" FROM case_events
       WHERE case_id = $1 AND action = 'explain' AND public AND at >= $2 ORDER BY at DESC, id DESC LIMIT 1`,
      [caseId, since],
    );
    return rows[0] ?? null;
  }

  async departmentName(m: EntityManager, departmentId: string | null): Promise<{ th: string; en: string } | null> {
    if (!departmentId) return null;
    const rows: Array<{ th: string; en: string }> = await m.query(`SELECT name_th AS th, name_en AS en FROM departments WHERE id = $1`, [
      departmentId,
    ]);
    return rows[0] ?? null;
  }

  async complainantEmail(m: EntityManager, complainantId: string | null): Promise<string | null> {
    if (!complainantId) return null;
    const rows: Array<{ email: string | null }> = await m.query(`SELECT email FROM complainants WHERE id = $1 AND NOT anonymous`, [
      complainantId,
    ]);
    return rows[0]?.email ?? null;
  }

  // Staff who hear of a timer, always active accounts.

  async activeUser(m: EntityManager, userId: string): Promise<StaffRecipient | null> {
    const rows: StaffRecipient[] = await m.query(`SELECT id, email FROM users WHERE id = $1 AND active`, [userId]);
    return rows[0] ?? null;
  }

  departmentStaff(m: EntityManager, departmentId: string): Promise<StaffRecipient[]> {
    return m.query(`SELECT id, email FROM users WHERE department_id = $1 AND active AND role = ANY($2::text[]) ORDER BY email`, [
      departmentId,
      [...DEPARTMENT_ROLES],
    ]);
  }

  departmentHeads(m: EntityManager, departmentId: string): Promise<StaffRecipient[]> {
    return m.query(`SELECT id, email FROM users WHERE department_id = $1 AND active AND role = 'head' ORDER BY email`, [departmentId]);
  }

  usersWithRole(m: EntityManager, role: 'center' | 'integrity' | 'executive'): Promise<StaffRecipient[]> {
    return m.query(`SELECT id, email FROM users WHERE role = $1 AND active ORDER BY email`, [role]);
  }

  /**
   * One chunk of the open cases in id order, after `afterId`, each with the
   * timers that fired for its current due date: the reconciler's walk.
   */
  openCasesAfter(afterId: string | null, limit: number): Promise<OpenCaseTimers[]> {
    return this.db.query(
      `SELECT c.id, c.due_at AS "dueAt",
              coalesce((SELECT array_agg(f.occasion) FROM deadline_firings f WHERE f.case_id = c.id AND f.due_at = c.due_at), '{}') AS fired
       FROM cases c
       WHERE c.status IN (${OPEN_STATUSES_SQL}) AND ($1::uuid IS NULL OR c.id > $1)
       ORDER BY c.id LIMIT $2`,
      [afterId, limit],
    );
  }
}
