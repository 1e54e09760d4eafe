import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a new case adds to the status totals and to the statistics is kept
 * by one trigger call per INSERT statement instead of one per row: a group
 * commit writes its cases in one statement, and that statement is made
 * while the register's counter is held, so per-row calls (a totals update,
 * two staging inserts, each a statement of its own) were paid for every
 * filing inside the one stretch that filings cannot share.
 *
 * The totals are now added as the cases are written, not at COMMIT: the
 * cases are the last rows a registration writes, so the totals row is held
 * no longer than before. A deleted case is still handled per row.
 */
/** The body of `report_cases_track_insert` as this migration made it (a later one restores it in its `down`). */
export const STAGE_NEW_CASES = `
      BEGIN
        INSERT INTO report_cell_deltas
        SELECT pg_current_xact_id(), d.* FROM new_cases c, LATERAL report_case_cells(c, NULL::smallint, 1) d;
        INSERT INTO report_day_deltas
        SELECT pg_current_xact_id(), d.* FROM new_cases c, LATERAL report_case_days(c, 1) d;
        RETURN NULL;
      END`;

export class RegistrationTriggersPerStatement1765500000000 implements MigrationInterface {
  name = 'RegistrationTriggersPerStatement1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER case_status_counts_insert_delete ON cases`);
    // Rows taken in the same key order as a status move takes them (case_status_counts_track): no deadlock between them.
    await q.query(`
      CREATE FUNCTION case_status_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM case_status_counts_add(kind, department_id, status, n)
        FROM (SELECT kind, department_id, status, count(*)::int AS n FROM new_cases GROUP BY 1, 2, 3) t
        ORDER BY kind || coalesce(department_id::text, '') || status;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER case_status_counts_insert AFTER INSERT ON cases
        REFERENCING NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION case_status_counts_insert()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER case_status_counts_delete AFTER DELETE ON cases
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION case_status_counts_track()`);

    await q.query(`DROP TRIGGER report_cases_insert_delete ON cases`);
    // Staged, like every change, for report_flush at COMMIT. A new case has no rating yet: a rating needs its case.
    await q.query(`CREATE FUNCTION report_cases_track_insert() RETURNS trigger LANGUAGE plpgsql AS $$ ${STAGE_NEW_CASES} $$`);
    await q.query(`
      CREATE TRIGGER report_cases_insert AFTER INSERT ON cases
        REFERENCING NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION report_cases_track_insert()`);
    await q.query(`CREATE TRIGGER report_cases_delete AFTER DELETE ON cases FOR EACH ROW EXECUTE FUNCTION report_cases_track()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER report_cases_delete ON cases`);
    await q.query(`DROP TRIGGER report_cases_insert ON cases`);
    await q.query(`DROP FUNCTION report_cases_track_insert()`);
    await q.query(`
      CREATE TRIGGER report_cases_insert_delete AFTER INSERT OR DELETE ON cases
        FOR EACH ROW EXECUTE FUNCTION report_cases_track()`);
    await q.query(`DROP TRIGGER case_status_counts_delete ON cases`);
    await q.query(`DROP TRIGGER case_status_counts_insert ON cases`);
    await q.query(`DROP FUNCTION case_status_counts_insert()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER case_status_counts_insert_delete AFTER INSERT OR DELETE ON cases
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION case_status_counts_track()`);
  }
}
