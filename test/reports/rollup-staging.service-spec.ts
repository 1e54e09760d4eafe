import { Client } from 'pg';
import { CaseRegistrationService } from '../../src/modules/cases';
import { databaseUrl, workerDatabaseName } from '../support/databases';
import { resetCases } from '../support/test-app';
import { startTestContext, TestContext } from '../support/test-context';

/**
 * A change to a case stages its statistics' deltas, and its COMMIT adds
 * them to the rollup (`report_flush`). The staging table holds rows only
 * until their COMMIT: it is empty whenever it is analysed, while dead rows
 * pile up in it between vacuums. A plan made for an "empty" table reads it
 * whole, and a session keeps its plans, so every later flush read every
 * dead row.
 */
describe("the statistics' flush", () => {
  let t: TestContext;
  /** One long-lived session, as each of the server's pooled connections is. */
  let session: Client;

  beforeAll(async () => {
    t = await startTestContext();
    session = new Client({ connectionString: databaseUrl(workerDatabaseName()) });
    await session.connect();
  });
  afterAll(async () => {
    await session.end();
    await t.close();
  });
  beforeEach(() => resetCases(t.db));

  /** A status move in the session, flushed before its COMMIT so that the transaction's own scan counts can be read. */
  async function move(caseId: string, status: string): Promise<{ seq: number; idx: number }> {
    await session.query('BEGIN');
    try {
      await session.query(`UPDATE cases SET status = $1 WHERE id = $2`, [status, caseId]);
      await session.query('SET CONSTRAINTS ALL IMMEDIATE');
      const { rows } = await session.query<{ seq: number; idx: number }>(
        `SELECT seq_scan::int AS seq, idx_scan::int AS idx FROM pg_stat_xact_user_tables WHERE relname = 'report_cell_deltas'`,
      );
      return rows[0];
    } finally {
      await session.query('COMMIT');
    }
  }

  it("finds a transaction's staged rows by its index, though the table was analysed empty and dead rows piled up since", async () => {
    const c = await t.app.get(CaseRegistrationService).register({
      kind: 'general',
      channel: 'phone',
      receivedAt: t.clock.now(),
      subject: 'ไฟถนนดับ',
      description: 'ไฟถนนดับทั้งซอย',
      categoryId: null,
      location: null,
      complainant: { anonymous: true },
      consentAt: null,
      letter: null,
      registeredBy: null,
      locale: 'th',
    });
    await session.query('ANALYZE report_cell_deltas');
    // The session's plans are made now, for a table that looks empty.
    await move(c.id, 'accepted');
    // What a minute of steady traffic leaves before autovacuum comes: staged, flushed, dead.
    await t.db.query(`INSERT INTO report_cell_deltas SELECT '1'::xid8, r.* FROM report_cells r, generate_series(1, 4000)`);
    await t.db.query(`DELETE FROM report_cell_deltas WHERE xact = '1'::xid8`);

    expect(await move(c.id, 'assigned')).toEqual({ seq: 0, idx: expect.any(Number) });
    const [{ n }] = await t.db.query(`SELECT sum(open)::int AS n FROM report_cells WHERE grain = 0 AND kind = 'general'`);
    expect(n).toBe(1);
  });
});
