import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadline engine: the holidays an administrator adds (the cabinet
 * announces special ones each year), the record of each timer that fired
 * (the database, not Redis, says what has happened), and the moment an
 * administrator put a failed mail back in line.
 */
export class Deadlines1764700000000 implements MigrationInterface {
  name = 'Deadlines1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE holidays (
        date        date PRIMARY KEY,
        name_th     text NOT NULL CHECK (char_length(name_th) BETWEEN 1 AND 200),
        name_en     text NOT NULL CHECK (char_length(name_en) BETWEEN 1 AND 200),
        created_by  uuid REFERENCES users (id),
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);

    // One row per timer of a case that has done its work, keyed by the due date it
    // was for: a redelivered job, a second worker or the reconciler meet this key.
    await q.query(`
      CREATE TABLE deadline_firings (
        case_id   uuid NOT NULL REFERENCES cases (id),
        due_at    timestamptz NOT NULL,
        occasion  text NOT NULL CHECK (occasion ~ '^(reminder-[0-9]{1,2}d|deadline|escalation)$'),
        fired_at  timestamptz NOT NULL,
        PRIMARY KEY (case_id, due_at, occasion)
      )`);

    await q.query(`ALTER TABLE notifications ADD COLUMN requeued_at timestamptz`);
    // The admin's list of failed mails, newest first.
    await q.query(`CREATE INDEX notifications_failed_idx ON notifications (created_at DESC, id) WHERE status = 'failed'`);
    // The reconciler walks the open cases by id.
    await q.query(`CREATE INDEX cases_open_id_idx ON cases (id) INCLUDE (due_at, kind) WHERE status IN ('received', 'accepted', 'assigned', 'in_progress')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_open_id_idx`);
    await q.query(`DROP INDEX notifications_failed_idx`);
    await q.query(`ALTER TABLE notifications DROP COLUMN requeued_at`);
    await q.query(`DROP TABLE deadline_firings`);
    await q.query(`DROP TABLE holidays`);
  }
}
