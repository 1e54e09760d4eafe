import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763750000000 implements MigrationInterface {
  name = 'InitialSchema1763750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE departments (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,31}$'),
        name_th     text NOT NULL,
        name_en     text NOT NULL,
        active      boolean NOT NULL DEFAULT true,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE categories (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code                  text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,47}$'),
        kind                  text NOT NULL CHECK (kind IN ('general', 'corruption')),
        name_th               text NOT NULL,
        name_en               text NOT NULL,
        default_department_id uuid REFERENCES departments (id),
        active                boolean NOT NULL DEFAULT true,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE users (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email           text NOT NULL,
        password_hash   text NOT NULL,
        display_name    text NOT NULL,
        role            text NOT NULL
                        CHECK (role IN ('admin', 'center', 'officer', 'head', 'integrity', 'executive')),
        department_id   uuid REFERENCES departments (id),
        active          boolean NOT NULL DEFAULT true,
        failed_logins   integer NOT NULL DEFAULT 0,
        locked_until    timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        -- Officers and heads belong to exactly one department; nobody else does.
        CONSTRAINT users_department_matches_role
          CHECK ((role IN ('officer', 'head')) = (department_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE complainants (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        anonymous   boolean NOT NULL DEFAULT false,
        name        text,
        email       text,
        phone       text,
        address     text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT complainants_named_unless_anonymous CHECK (anonymous OR name IS NOT NULL)
      )`);

    // One row per kind and fiscal year; the row lock taken by the upsert
    // serialises concurrent filings, and a rolled-back filing gives its
    // number back, so the register has no gaps.
    await q.query(`
      CREATE TABLE reference_counters (
        kind         text NOT NULL CHECK (kind IN ('general', 'corruption')),
        fiscal_year  integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 3000),
        last_value   integer NOT NULL CHECK (last_value > 0),
        PRIMARY KEY (kind, fiscal_year)
      )`);

    await q.query(`
      CREATE TABLE cases (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind            text NOT NULL CHECK (kind IN ('general', 'corruption')),
        channel         text NOT NULL CHECK (channel IN
                          ('web', 'phone', 'letter', 'walk_in', 'complaint_box', 'email', 'social', 'referral', 'other')),
        status          text NOT NULL CHECK (status IN
                          ('received', 'accepted', 'assigned', 'in_progress', 'resolved', 'closed',
                           'rejected', 'referred', 'withdrawn', 'merged')),
        fiscal_year     integer NOT NULL,
        sequence        integer NOT NULL CHECK (sequence > 0),
        reference_no    text NOT NULL UNIQUE,
        tracking_code   text UNIQUE,
        subject         text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 200),
        description     text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 10000),
        category_id     uuid REFERENCES categories (id),
        location        text,
        complainant_id  uuid REFERENCES complainants (id),
        department_id   uuid REFERENCES departments (id),
        assignee_id     uuid REFERENCES users (id),
        registered_by   uuid REFERENCES users (id),
        letter_no       text,
        letter_date     date,
        consent_at      timestamptz,
        received_at     timestamptz NOT NULL,
        due_at          timestamptz NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, fiscal_year, sequence),
        CHECK (due_at > received_at)
      )`);
    await q.query(`CREATE INDEX cases_status_due_idx ON cases (status, due_at)`);
    await q.query(`CREATE INDEX cases_department_status_idx ON cases (department_id, status)`);
    await q.query(`CREATE INDEX cases_received_idx ON cases (received_at)`);

    await q.query(`
      CREATE TABLE case_events (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id      uuid NOT NULL REFERENCES cases (id),
        at           timestamptz NOT NULL DEFAULT now(),
        action       text NOT NULL,
        from_status  text,
        to_status    text,
        public       boolean NOT NULL,
        message      text,
        actor_id     uuid REFERENCES users (id),
        actor_role   text NOT NULL
      )`);
    await q.query(`CREATE INDEX case_events_case_idx ON case_events (case_id, at, id)`);
    // The timeline is evidence: rows are appended, never changed.
    await q.query(`
      CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_events is append-only (% refused)', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER case_events_append_only
        BEFORE UPDATE OR DELETE ON case_events
        FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);

    // The outbox: a notification is written in the same transaction as the
    // change it announces, so a queue outage can delay mail but never lose it.
    await q.query(`
      CREATE TABLE notifications (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id     uuid REFERENCES cases (id),
        template    text NOT NULL,
        recipient   text NOT NULL,
        locale      text NOT NULL CHECK (locale IN ('th', 'en')),
        status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts    integer NOT NULL DEFAULT 0,
        last_error  text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        sent_at     timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_pending_idx ON notifications (created_at) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE case_events`);
    await q.query(`DROP FUNCTION case_events_append_only`);
    await q.query(`DROP TABLE cases`);
    await q.query(`DROP TABLE reference_counters`);
    await q.query(`DROP TABLE complainants`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE categories`);
    await q.query(`DROP TABLE departments`);
  }
}
