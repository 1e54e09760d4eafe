import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Settings an administrator changes at run time (what the environment sets
 * are defaults), and the audit log: who revealed an identity, signed in,
 * changed a setting or a user, and why.
 */
export class SettingsAndAudit1764400000000 implements MigrationInterface {
  name = 'SettingsAndAudit1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE settings (
        key         text PRIMARY KEY CHECK (key ~ '^[a-z][a-zA-Z]{1,31}$'),
        value       jsonb NOT NULL CHECK (jsonb_typeof(value) = 'object'),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        updated_by  uuid REFERENCES users (id)
      )`);

    await q.query(`
      CREATE TABLE audit_log (
        id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at               timestamptz NOT NULL DEFAULT now(),
        -- No foreign keys: the record outlives what it names and must never block a change.
        actor_id         uuid,
        actor_role       text,
        action           text NOT NULL CHECK (action ~ '^[a-z][a-z_.]{1,63}$'),
        case_id          uuid,
        subject_user_id  uuid,
        reason           text CHECK (char_length(reason) <= 2000),
        details          jsonb
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_log_action_at_idx ON audit_log (action, at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_at_idx ON audit_log (actor_id, at DESC, id DESC) WHERE actor_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_log_case_at_idx ON audit_log (case_id, at DESC, id DESC) WHERE case_id IS NOT NULL`);
    // Evidence, like the timeline: appended, never changed.
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only`);
    await q.query(`DROP TABLE settings`);
  }
}
