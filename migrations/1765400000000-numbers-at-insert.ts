import { MigrationInterface, QueryRunner } from 'typeorm';
import { checkCasesNumberedAtCommit } from './1765300000000-numbers-at-commit';

/**
 * A new case is written once, with its number: the counter is taken just
 * before the cases of a group are inserted, instead of numbering them with
 * an UPDATE before COMMIT. That UPDATE changed indexed columns, so every new
 * case was written twice, with a second entry in each of its two dozen
 * indexes (the subject's trigram index among them), all while the counter
 * was held. The number columns are therefore never empty again.
 *
 * The counter stays locked from the moment a group takes its numbers to its
 * COMMIT, so the cases are written last: their timeline lines and the
 * acknowledgements in the outbox go in before them, and the two foreign keys
 * from those rows to their case are checked at COMMIT.
 */
export class NumbersAtInsert1765400000000 implements MigrationInterface {
  name = 'NumbersAtInsert1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER cases_numbered ON cases`);
    await q.query(`DROP FUNCTION cases_numbered()`);
    await q.query(`ALTER TABLE cases ALTER COLUMN sequence SET NOT NULL, ALTER COLUMN reference_no SET NOT NULL`);
    await q.query(`ALTER TABLE case_events ALTER CONSTRAINT case_events_case_id_fkey DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`ALTER TABLE notifications ALTER CONSTRAINT notifications_case_id_fkey DEFERRABLE INITIALLY DEFERRED`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ALTER CONSTRAINT notifications_case_id_fkey NOT DEFERRABLE`);
    await q.query(`ALTER TABLE case_events ALTER CONSTRAINT case_events_case_id_fkey NOT DEFERRABLE`);
    await q.query(`ALTER TABLE cases ALTER COLUMN sequence DROP NOT NULL, ALTER COLUMN reference_no DROP NOT NULL`);
    await checkCasesNumberedAtCommit(q);
  }
}
