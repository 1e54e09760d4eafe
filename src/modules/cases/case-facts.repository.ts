import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface CaseFacts {
  overdue: boolean;
  resolved: boolean;
  closed: boolean;
  responded: boolean;
}

@Injectable()
export class CaseFactsRepository {
  /** Firsts are set once and kept; lasts follow every occurrence. Nothing to do, nothing written. */
  async record(m: EntityManager, caseId: string, f: CaseFacts, at: Date): Promise<void> {
    if (!f.overdue && !f.resolved && !f.closed && !f.responded) return;
    await m.query(
      `UPDATE cases SET
         overdue_at = CASE WHEN $2 THEN coalesce(overdue_at, due_at) ELSE overdue_at END,
         first_resolved_at = CASE WHEN $3 THEN coalesce(first_resolved_at, $6) ELSE first_resolved_at END,
         last_resolved_at = CASE WHEN $3 THEN $6 ELSE last_resolved_at END,
         first_closed_at = CASE WHEN $4 THEN coalesce(first_closed_at, $6) ELSE first_closed_at END,
         last_closed_at = CASE WHEN $4 THEN $6 ELSE last_closed_at END,
         first_response_at = CASE WHEN $5 THEN coalesce(first_response_at, $6) ELSE first_response_at END
       WHERE id = $1`,
      [caseId, f.overdue, f.resolved, f.closed, f.responded, at],
    );
  }

}
