import { Transactions } from '../../src/database/transactions';
import { CaseChanges, CaseRegistrationService, NewCase } from '../../src/modules/cases';
import { CasesRepository } from '../../src/modules/cases/cases.repository';
import { countRows, resetCases } from '../support/test-app';
import { startTestContext, TestContext } from '../support/test-context';

/**
 * Registrations that one transaction makes in the same moment (a group
 * commit's filings) are written together: one statement per table for all
 * of them, one announcement of their changes, each filing answered with its
 * own case.
 */
describe('registrations in one batch', () => {
  let t: TestContext;
  let batches: number[][];

  beforeAll(async () => {
    t = await startTestContext();
    t.app.get(CaseChanges).subscribe('test-batches', {
      onCaseChanges: async (changes) => {
        batches.push(changes.map((c) => Number(c.eventId)));
      },
    });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    batches = [];
    await resetCases(t.db);
  });

  const filing = (i: number): NewCase => ({
    kind: 'general',
    channel: 'web',
    receivedAt: t.clock.now(),
    subject: `เรื่องที่ ${i}`,
    description: `รายละเอียดเรื่องที่ ${i}`,
    categoryId: null,
    location: null,
    complainant:
      i % 2 === 0
        ? { anonymous: false, name: `ผู้ร้อง ${i}`, email: `citizen${i}@example.com`, phone: null, address: null }
        : { anonymous: true },
    consentAt: t.clock.now(),
    letter: null,
    registeredBy: null,
    locale: 'th',
  });

  /** Registers `n` filings side by side in one transaction; keeps the statements it sent. */
  async function registerTogether(n: number) {
    const sent: string[] = [];
    const cases = await t.app.get(Transactions).run(async (tx) => {
      const query = tx.manager.query.bind(tx.manager);
      tx.manager.query = ((...args: Parameters<typeof query>) => {
        sent.push(args[0].replace(/\s+/g, ' ').trim());
        return query(...args);
      }) as typeof query;
      return Promise.all(Array.from({ length: n }, (_, i) => t.app.get(CaseRegistrationService).registerIn(tx, filing(i))));
    });
    return { cases, statements: sent.length, sent };
  }

  it('writes five filings with as many statements as one, and answers each with its own case', async () => {
    const alone = await registerTogether(1);
    await resetCases(t.db);
    batches = [];
    const { cases, statements } = await registerTogether(5);
    expect(statements).toBe(alone.statements);

    const rows: Array<{ id: string; subject: string; reference_no: string; tracking_code: string; name: string | null; anonymous: boolean }> =
      await t.db.query(
        `SELECT c.id, c.subject, c.reference_no, c.tracking_code, p.name, p.anonymous
         FROM cases c JOIN complainants p ON p.id = c.complainant_id ORDER BY c.sequence`,
      );
    expect(rows.map((r) => r.id)).toEqual(cases.map((c) => c.id));
    expect(rows.map((r) => [r.subject, r.reference_no, r.tracking_code, r.name, r.anonymous])).toEqual(
      cases.map((c, i) => [`เรื่องที่ ${i}`, c.referenceNo, c.trackingCode, i % 2 === 0 ? `ผู้ร้อง ${i}` : null, i % 2 !== 0]),
    );
    expect(cases.map((c) => c.referenceNo.slice(-6))).toEqual(['000001', '000002', '000003', '000004', '000005']);

    // One announcement of the five changes, in order, each with its own timeline line.
    const events: Array<{ id: string; case_id: string }> = await t.db.query(`SELECT id, case_id FROM case_events ORDER BY id`);
    expect(events.map((e) => e.case_id)).toEqual(cases.map((c) => c.id));
    expect(batches).toEqual([events.map((e) => Number(e.id))]);
    // The acknowledgement goes to those who gave an address: filings 0, 2 and 4.
    const notices: Array<{ case_id: string; recipient: string }> = await t.db.query(
      `SELECT case_id, recipient FROM notifications ORDER BY recipient`,
    );
    expect(notices).toEqual([0, 2, 4].map((i) => ({ case_id: cases[i].id, recipient: `citizen${i}@example.com` })));
  });

  it('writes each case once, with its number: nothing updates the new rows before the commit', async () => {
    const { cases, sent } = await registerTogether(3);
    expect(sent.filter((sql) => /^INSERT INTO cases /.test(sql))).toHaveLength(1);
    // Numbering the rows after writing them (as before) made a second version of each row and of all its index entries.
    expect(sent.filter((sql) => /^UPDATE cases /.test(sql))).toEqual([]);
    const rows: Array<{ reference_no: string }> = await t.db.query(`SELECT reference_no FROM cases ORDER BY sequence`);
    expect(rows.map((r) => r.reference_no)).toEqual(cases.map((c) => c.referenceNo));
  });

  it("takes the register's counter last: after the timeline and the outbox, only the cases follow it", async () => {
    const { cases, sent } = await registerTogether(3);
    const at = (pattern: RegExp) => sent.findIndex((sql) => pattern.test(sql));
    const counter = at(/^INSERT INTO reference_counters /);
    // The counter stays locked until COMMIT: the filings that arrive meanwhile wait for this INSERT alone.
    expect(sent.slice(counter)).toEqual([expect.stringMatching(/^INSERT INTO reference_counters /), expect.stringMatching(/^INSERT INTO cases /)]);
    expect(at(/^INSERT INTO case_events /)).toBeLessThan(counter);
    expect(at(/^INSERT INTO notifications /)).toBeLessThan(counter);
    // Time-ordered ids (UUIDv7), in the order the cases were registered.
    expect(cases.map((c) => c.id)).toEqual(cases.map(() => expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)));
    expect([...cases.map((c) => c.id)].sort()).toEqual(cases.map((c) => c.id));
  });

  it("adds its cases to the statistics' rollup with their INSERT, staging nothing for the COMMIT", async () => {
    const received = async (m: { query: (sql: string) => Promise<Array<{ n: number }>> }) =>
      (await m.query(`SELECT coalesce(sum(received), 0)::int AS n FROM report_cells WHERE grain = 0 AND kind = 'general'`))[0].n;
    const before = await received(t.db);
    const inside = await t.app.get(Transactions).run(async (tx) => {
      await Promise.all([0, 1, 2].map((i) => t.app.get(CaseRegistrationService).registerIn(tx, filing(i))));
      // Staged rows were read back at COMMIT by a plan made for an empty table: a scan of every dead row left since the last vacuum.
      const [{ n: staged }] = await tx.manager.query(`SELECT count(*)::int AS n FROM report_cell_deltas WHERE xact = pg_current_xact_id()`);
      return { staged, received: await received(tx.manager) };
    });
    expect(inside).toEqual({ staged: 0, received: before + 3 });
    expect(await received(t.db)).toBe(before + 3);
  });

  it('gives another tracking code to a filing whose code is taken, without failing the others', async () => {
    const [first] = (await registerTogether(1)).cases;
    const taken = first.trackingCode!;
    const spy = jest.spyOn(t.app.get(CasesRepository), 'nextTrackingCode');
    // The second of three draws the taken code first.
    spy.mockImplementationOnce(() => 'AAAA-AAAA').mockImplementationOnce(() => taken).mockImplementationOnce(() => 'BBBB-BBBB');
    try {
      const { cases } = await registerTogether(3);
      expect(cases.map((c) => c.trackingCode)).toEqual(['AAAA-AAAA', expect.any(String), 'BBBB-BBBB']);
      expect(cases[1].trackingCode).not.toBe(taken);
      // The row written again keeps the number it was given: no hole, no twin.
      expect(cases.map((c) => c.referenceNo.slice(-6))).toEqual(['000002', '000003', '000004']);
      const numbers: Array<{ sequence: number }> = await t.db.query(`SELECT sequence FROM cases ORDER BY sequence`);
      expect(numbers.map((n) => n.sequence)).toEqual([1, 2, 3, 4]);
      expect(await countRows(t.db)).toMatchObject({ cases: 4, complainants: 4, events: 4 });
    } finally {
      spy.mockRestore();
    }
  });
});
