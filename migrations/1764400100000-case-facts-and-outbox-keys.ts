import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts the statistics count, stored when they happen instead of being
 * recomputed (a case that was overdue stays counted as overdue after it is
 * resolved), the complainant's language on the case, and an outbox that
 * cannot hold the same notice twice and knows the order notices were made in.
 */
export class CaseFactsAndOutboxKeys1764400100000 implements MigrationInterface {
  name = 'CaseFactsAndOutboxKeys1764400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cases
        ADD COLUMN locale             text NOT NULL DEFAULT 'th' CHECK (locale IN ('th', 'en')),
        ADD COLUMN overdue_at         timestamptz,
        ADD COLUMN first_response_at  timestamptz,
        ADD COLUMN first_resolved_at  timestamptz,
        ADD COLUMN last_resolved_at   timestamptz,
        ADD COLUMN first_closed_at    timestamptz,
        ADD COLUMN last_closed_at     timestamptz`);

    // Backfill from the timeline, which has every change since the start.
    await q.query(`
      UPDATE cases c SET
        first_response_at = e.first_response,
        first_resolved_at = e.first_resolved, last_resolved_at = e.last_resolved,
        first_closed_at = e.first_closed, last_closed_at = e.last_closed
      FROM (
        SELECT case_id,
               min(at) FILTER (WHERE public AND action <> 'receive' AND actor_role NOT IN ('citizen', 'system')) AS first_response,
               min(at) FILTER (WHERE to_status = 'resolved' AND from_status IS DISTINCT FROM 'resolved') AS first_resolved,
               max(at) FILTER (WHERE to_status = 'resolved' AND from_status IS DISTINCT FROM 'resolved') AS last_resolved,
               min(at) FILTER (WHERE to_status = 'closed' AND from_status IS DISTINCT FROM 'closed') AS first_closed,
               max(at) FILTER (WHERE to_status = 'closed' AND from_status IS DISTINCT FROM 'closed') AS last_closed
        FROM case_events GROUP BY case_id
      ) e
      WHERE e.case_id = c.id`);
    // A case became overdue at its due date if it was still open then: still open
    // now past due, or settled (its first move out of the open statuses) after it.
    await q.query(`
      UPDATE cases c SET overdue_at = c.due_at
      FROM (
        SELECT c2.id, min(e.at) FILTER (
                 WHERE e.to_status NOT IN ('received', 'accepted', 'assigned', 'in_progress')
                   AND e.from_status IN ('received', 'accepted', 'assigned', 'in_progress')) AS settled_at
        FROM cases c2 LEFT JOIN case_events e ON e.case_id = c2.id GROUP BY c2.id
      ) s
      WHERE s.id = c.id AND c.due_at < now()
        AND (s.settled_at IS NULL AND c.status IN ('received', 'accepted', 'assigned', 'in_progress')
             OR s.settled_at > c.due_at)`);
    await q.query(`CREATE INDEX cases_overdue_at_idx ON cases (kind, overdue_at) WHERE overdue_at IS NOT NULL`);

    await q.query(`
      ALTER TABLE notifications
        ADD COLUMN dedupe_key  text,
        ADD COLUMN seq         bigint GENERATED ALWAYS AS IDENTITY`);
    await q.query(`UPDATE notifications SET dedupe_key = 'legacy:' || id`);
    // A notice whose occasion passed (the case no longer qualifies) is cancelled, not failed:
    // failures are what an administrator retries.
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_status_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
                   CHECK (status IN ('pending', 'sent', 'failed', 'cancelled'))`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN dedupe_key SET NOT NULL`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_dedupe_key_key UNIQUE (dedupe_key)`);
    // A mail waits for the earlier ones of the same case to the same person.
    await q.query(
      `CREATE INDEX notifications_pending_chain_idx ON notifications (case_id, recipient, seq) WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_pending_chain_idx`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_dedupe_key_key, DROP COLUMN dedupe_key, DROP COLUMN seq`);
    await q.query(`UPDATE notifications SET status = 'failed' WHERE status = 'cancelled'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_status_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'sent', 'failed'))`);
    await q.query(`DROP INDEX cases_overdue_at_idx`);
    await q.query(`ALTER TABLE cases DROP COLUMN locale, DROP COLUMN overdue_at, DROP COLUMN first_response_at,
                   DROP COLUMN first_resolved_at, DROP COLUMN last_resolved_at, DROP COLUMN first_closed_at, DROP COLUMN last_closed_at`);
  }
}
