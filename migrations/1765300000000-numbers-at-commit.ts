import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A new case is numbered just before its transaction commits, and the
 * per-status counts of a new case are added then too: the two rows every
 * filing updates (the register's counter and the "received" count) are then
 * held for a group's last statements and its COMMIT only, not for all its
 * work, so the filings that arrive next are written meanwhile.
 *
 * The number columns are therefore empty for a moment inside the filing's
 * transaction; a deferred check refuses to commit a case without one.
 */
/** The deferred check that no case is committed without its number; also what NumbersAtInsert's `down` puts back. */
export async function checkCasesNumberedAtCommit(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE FUNCTION cases_numbered() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM cases WHERE id = NEW.id AND (sequence IS NULL OR reference_no IS NULL)) THEN
        RAISE EXCEPTION 'case % would be committed without a reference number', NEW.id USING ERRCODE = 'not_null_violation';
      END IF;
      RETURN NULL;
    END $$`);
  await q.query(`
    CREATE CONSTRAINT TRIGGER cases_numbered AFTER INSERT ON cases
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cases_numbered()`);
}

export class NumbersAtCommit1765300000000 implements MigrationInterface {
  name = 'NumbersAtCommit1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ALTER COLUMN sequence DROP NOT NULL, ALTER COLUMN reference_no DROP NOT NULL`);
    await checkCasesNumberedAtCommit(q);
    await q.query(`DROP TRIGGER case_status_counts_insert_delete ON cases`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER case_status_counts_insert_delete AFTER INSERT OR DELETE ON cases
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION case_status_counts_track()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER case_status_counts_insert_delete ON cases`);
    await q.query(`
      CREATE TRIGGER case_status_counts_insert_delete AFTER INSERT OR DELETE ON cases
        FOR EACH ROW EXECUTE FUNCTION case_status_counts_track()`);
    await q.query(`DROP TRIGGER cases_numbered ON cases`);
    await q.query(`DROP FUNCTION cases_numbered()`);
    await q.query(`ALTER TABLE cases ALTER COLUMN sequence SET NOT NULL, ALTER COLUMN reference_no SET NOT NULL`);
  }
}
