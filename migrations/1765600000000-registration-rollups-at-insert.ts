import { MigrationInterface, QueryRunner } from 'typeorm';
import { addToRollup, DAY_KEY, KEY, MEASURES } from './1764800000000-report-rollups';
import { STAGE_NEW_CASES } from './1765500000000-registration-triggers-per-statement';

/**
 * New cases are added to the statistics' rollup by their INSERT statement
 * itself, not staged for a flush at COMMIT.
 *
 * The staging table holds a transaction's deltas only until its COMMIT, so
 * it is empty whenever it is analysed, and what it holds between vacuums is
 * dead rows. A session's cached plans for the flush therefore read it whole
 * (a sequential scan looks cheapest for an "empty" table), and the table
 * grows by eight rows per new case until autovacuum comes: under a steady
 * intake every COMMIT read further, and filings slowed down by half within a
 * minute. The flush also ran once per new case (a deferred row trigger),
 * probing the staging table twice each time.
 *
 * Adding at the INSERT holds the rollup's rows no longer than staging did:
 * the cases are the last rows a registration writes, just before COMMIT.
 * No deadlock comes of it, because every writer takes these rows in one
 * order: the status totals, then the cells in key order, then the days,
 * then the version (a status move takes its totals during its transaction
 * and the rollup's rows at COMMIT).
 *
 * Status moves, ratings and deletions still stage and flush: one case at a
 * time, far fewer rows.
 */
export class RegistrationRollupsAtInsert1765600000000 implements MigrationInterface {
  name = 'RegistrationRollupsAtInsert1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION report_cases_track_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${addToRollup('report_cells', KEY, MEASURES, `SELECT d.* FROM new_cases c, LATERAL report_case_cells(c, NULL::smallint, 1) d`)};
        ${addToRollup('report_resolve_days', DAY_KEY, ['n'], `SELECT d.* FROM new_cases c, LATERAL report_case_days(c, 1) d`)};
        UPDATE report_version SET v = v + 1;
        RETURN NULL;
      END $$`);
    await q.query(`DROP TRIGGER report_cases_flush ON cases`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER report_cases_flush AFTER DELETE ON cases
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_flush()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER report_cases_flush ON cases`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER report_cases_flush AFTER INSERT OR DELETE ON cases
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_flush()`);
    await q.query(`CREATE OR REPLACE FUNCTION report_cases_track_insert() RETURNS trigger LANGUAGE plpgsql AS $$ ${STAGE_NEW_CASES} $$`);
  }
}
