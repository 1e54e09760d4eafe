import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statistics' flush finds a transaction's staged deltas by the
 * transaction's index, whatever the planner thinks of the table.
 *
 * The staging tables hold rows only until their COMMIT. So they are empty
 * whenever they are analysed, while dead rows pile up in them between
 * vacuums. A session plans the flush's statements once and keeps the plans;
 * planned for an "empty" table, they read it whole, and every status move,
 * rating or deletion read every dead row of the last minute. In the
 * function alone, sequential scans are off: the planner takes the index on
 * `xact`, which is right for any size of the table.
 */
export class ReportFlushByIndex1765700000000 implements MigrationInterface {
  name = 'ReportFlushByIndex1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION report_flush() SET enable_seqscan = off`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION report_flush() RESET enable_seqscan`);
  }
}
