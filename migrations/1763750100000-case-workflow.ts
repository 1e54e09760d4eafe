import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the workflow and the queues need: derived dates on the case, shares, richer events. */
export class CaseWorkflow1763750100000 implements MigrationInterface {
  name = 'CaseWorkflow1763750100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cases
        ADD COLUMN expected_at     timestamptz,
        ADD COLUMN explained_at    timestamptz,
        ADD COLUMN resolved_at     timestamptz,
        ADD COLUMN closed_at       timestamptz,
        ADD COLUMN referred_to     text,
        ADD COLUMN merged_into_id  uuid REFERENCES cases (id),
        ADD CONSTRAINT cases_not_merged_into_itself CHECK (merged_into_id <> id)`);

    // Departments that collaborate on a case they do not own (seed 003: cases
    // that span several divisions are worked jointly).
    await q.query(`
      CREATE TABLE case_shares (
        case_id        uuid NOT NULL REFERENCES cases (id),
        department_id  uuid NOT NULL REFERENCES departments (id),
        shared_by      uuid REFERENCES users (id),
        shared_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, department_id)
      )`);
    await q.query(`CREATE INDEX case_shares_department_idx ON case_shares (department_id, case_id)`);

    await q.query(`
      ALTER TABLE case_events
        ADD COLUMN department_id    uuid REFERENCES departments (id),
        ADD COLUMN assignee_id      uuid REFERENCES users (id),
        ADD COLUMN expected_at      timestamptz,
        ADD COLUMN agency           text,
        ADD COLUMN related_case_id  uuid REFERENCES cases (id)`);

    await q.query(`
      ALTER TABLE notifications
        ADD COLUMN event_id  bigint REFERENCES case_events (id),
        ADD COLUMN user_id   uuid REFERENCES users (id)`);

    // The queue: every view is a range scan on (scope, sort key, id), which
    // also serves keyset pagination. Open cases get partial indexes, since
    // the working views ("overdue", "due soon", "unscreened") only ever
    // look at them.
    const open = `status IN ('received', 'accepted', 'assigned', 'in_progress')`;
    await q.query(`DROP INDEX cases_department_status_idx`);
    await q.query(`DROP INDEX cases_received_idx`);
    for (const key of ['due_at', 'received_at', 'updated_at']) {
      const short = key.replace('_at', '');
      await q.query(`CREATE INDEX cases_kind_${short}_idx ON cases (kind, ${key}, id)`);
      await q.query(`CREATE INDEX cases_department_${short}_idx ON cases (department_id, ${key}, id)`);
      await q.query(`CREATE INDEX cases_assignee_${short}_idx ON cases (assignee_id, ${key}, id) WHERE assignee_id IS NOT NULL`);
    }
    // INCLUDE lets the overdue tabs count by status from the index alone.
    await q.query(`CREATE INDEX cases_open_kind_due_idx ON cases (kind, due_at, id) INCLUDE (status, explained_at) WHERE ${open}`);
    await q.query(
      `CREATE INDEX cases_open_department_due_idx ON cases (department_id, due_at, id) INCLUDE (status, explained_at) WHERE ${open}`,
    );
    await q.query(`CREATE INDEX cases_assignee_status_idx ON cases (assignee_id, kind, department_id, status) WHERE assignee_id IS NOT NULL`);
    await q.query(`CREATE INDEX cases_kind_status_idx ON cases (kind, status)`);
    await q.query(`CREATE INDEX cases_department_status_idx ON cases (department_id, status)`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX cases_subject_trgm_idx ON cases USING gin (subject gin_trgm_ops)`);
    await q.query(`CREATE INDEX cases_merged_into_idx ON cases (merged_into_id) WHERE merged_into_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const idx of [
      'cases_assignee_status_idx',
      'cases_merged_into_idx',
      'cases_subject_trgm_idx',
      'cases_department_status_idx',
      'cases_kind_status_idx',
      'cases_open_department_due_idx',
      'cases_open_kind_due_idx',
    ]) {
      await q.query(`DROP INDEX ${idx}`);
    }
    for (const short of ['due', 'received', 'updated']) {
      await q.query(`DROP INDEX cases_kind_${short}_idx`);
      await q.query(`DROP INDEX cases_department_${short}_idx`);
      await q.query(`DROP INDEX cases_assignee_${short}_idx`);
    }
    await q.query(`CREATE INDEX cases_received_idx ON cases (received_at)`);
    await q.query(`CREATE INDEX cases_department_status_idx ON cases (department_id, status)`);
    await q.query(`ALTER TABLE notifications DROP COLUMN event_id, DROP COLUMN user_id`);
    await q.query(`ALTER TABLE case_events DROP COLUMN department_id, DROP COLUMN assignee_id,
                   DROP COLUMN expected_at, DROP COLUMN agency, DROP COLUMN related_case_id`);
    await q.query(`DROP TABLE case_shares`);
    await q.query(`ALTER TABLE cases DROP CONSTRAINT cases_not_merged_into_itself, DROP COLUMN expected_at,
                   DROP COLUMN explained_at, DROP COLUMN resolved_at, DROP COLUMN closed_at,
                   DROP COLUMN referred_to, DROP COLUMN merged_into_id`);
  }
}
