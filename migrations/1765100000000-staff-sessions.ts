import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff console's server-side sessions. The cookie carries a random
 * token; only its SHA-256 is stored, so that a copy of this table signs
 * nobody in. A deactivated account, a new password or a two-factor reset
 * (the token version rises) takes every session of the account with it,
 * whichever code made the change: the trigger sees them all.
 */
export class StaffSessions1765100000000 implements MigrationInterface {
  name = 'StaffSessions1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_sessions (
        token_hash    bytea PRIMARY KEY,
        user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at    timestamptz NOT NULL,
        last_seen_at  timestamptz NOT NULL,
        expires_at    timestamptz NOT NULL,
        CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX staff_sessions_user_idx ON staff_sessions (user_id)`);
    await q.query(`
      CREATE FUNCTION end_staff_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM staff_sessions WHERE user_id = NEW.id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER users_end_staff_sessions
        AFTER UPDATE OF active, token_version ON users
        FOR EACH ROW
        WHEN ((OLD.active AND NOT NEW.active) OR NEW.token_version <> OLD.token_version)
        EXECUTE FUNCTION end_staff_sessions()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER users_end_staff_sessions ON users`);
    await q.query(`DROP FUNCTION end_staff_sessions()`);
    await q.query(`DROP TABLE staff_sessions`);
  }
}
