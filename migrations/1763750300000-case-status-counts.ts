import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-status counts kept up to date by trigger, so that the queue's tabs do
 * not count a million rows on every page load (see docs/benchmarks.md).
 * A case without a department counts under the all-zero uuid.
 */
export class CaseStatusCounts1763750300000 implements MigrationInterface {
  name = 'CaseStatusCounts1763750300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_status_counts (
        kind           text NOT NULL,
        department_id  uuid NOT NULL,
        status         text NOT NULL,
        n              bigint NOT NULL CHECK (n >= 0),
        PRIMARY KEY (kind, department_id, status)
      )`);
    await q.query(`
      CREATE FUNCTION case_status_counts_add(k text, d uuid, s text, delta int) RETURNS void LANGUAGE sql AS $$
        INSERT INTO case_status_counts (kind, department_id, status, n)
        VALUES (k, coalesce(d, '00000000-0000-0000-0000-000000000000'), s, greatest(delta, 0))
        ON CONFLICT (kind, department_id, status) DO UPDATE SET n = case_status_counts.n + delta
      $$`);
    // Two rows change per status move; taking them in key order means two
    // opposite moves at once cannot deadlock.
    await q.query(`
      CREATE FUNCTION case_status_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_key text;
        new_key text;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM case_status_counts_add(NEW.kind, NEW.department_id, NEW.status, 1);
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM case_status_counts_add(OLD.kind, OLD.department_id, OLD.status, -1);
        ELSE
          old_key := OLD.kind || coalesce(OLD.department_id::text, '') || OLD.status;
          new_key := NEW.kind || coalesce(NEW.department_id::text, '') || NEW.status;
          IF old_key < new_key THEN
            PERFORM case_status_counts_add(OLD.kind, OLD.department_id, OLD.status, -1);
            PERFORM case_status_counts_add(NEW.kind, NEW.department_id, NEW.status, 1);
          ELSE
            PERFORM case_status_counts_add(NEW.kind, NEW.department_id, NEW.status, 1);
            PERFORM case_status_counts_add(OLD.kind, OLD.department_id, OLD.status, -1);
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER case_status_counts_insert_delete AFTER INSERT OR DELETE ON cases
        FOR EACH ROW EXECUTE FUNCTION case_status_counts_track()`);
    await q.query(`
      CREATE TRIGGER case_status_counts_update AFTER UPDATE OF kind, status, department_id ON cases
        FOR EACH ROW
        WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.status IS DISTINCT FROM NEW.status
              OR OLD.department_id IS DISTINCT FROM NEW.department_id)
        EXECUTE FUNCTION case_status_counts_track()`);
    // TRUNCATE skips row triggers; keep the counts honest then too.
    await q.query(`
      CREATE FUNCTION case_status_counts_reset() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM case_status_counts;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER case_status_counts_truncate AFTER TRUNCATE ON cases
        FOR EACH STATEMENT EXECUTE FUNCTION case_status_counts_reset()`);
    await q.query(`
      INSERT INTO case_status_counts (kind, department_id, status, n)
      SELECT kind, coalesce(department_id, '00000000-0000-0000-0000-000000000000'), status, count(*)
      FROM cases GROUP BY 1, 2, 3`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER case_status_counts_truncate ON cases`);
    await q.query(`DROP TRIGGER case_status_counts_update ON cases`);
    await q.query(`DROP TRIGGER case_status_counts_insert_delete ON cases`);
    await q.query(`DROP FUNCTION case_status_counts_reset`);
    await q.query(`DROP FUNCTION case_status_counts_track`);
    await q.query(`DROP FUNCTION case_status_counts_add`);
    await q.query(`DROP TABLE case_status_counts`);
  }
}
