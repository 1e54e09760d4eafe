import { DataSource } from 'typeorm';
import { CaseChanges } from '../../src/modules/cases';
import { FileComplaintDto } from '../../src/modules/intake/dto/file-complaint.dto';
import { IntakeService } from '../../src/modules/intake/intake.service';
import { complaintBody } from '../support/factories';
import { countRows, resetCases } from '../support/test-app';
import { startTestContext, TestContext } from '../support/test-context';

/**
 * Citizens' filings committed in groups (`GroupCommit`): the register's
 * numbers stay gap-free, a filing is answered only when it is committed,
 * and one that fails inside the transaction takes nothing of the others
 * with it.
 */
describe('intake in groups', () => {
  let t: TestContext;
  let db: DataSource;
  let intake: IntakeService;

  beforeAll(async () => {
    t = await startTestContext();
    db = t.db;
    intake = t.app.get(IntakeService);
    // A subscriber that breaks a constraint for English filings: a failure inside the group's transaction.
    t.app.get(CaseChanges).subscribe('test-breaker', {
      onCaseChanges: async (changes, tx) => {
        for (const change of changes) {
          if (change.case.locale === 'en') await tx.manager.query(`INSERT INTO case_events (case_id) VALUES ($1)`, [change.case.id]);
        }
      },
    });
  });
  afterAll(() => t.close());
  beforeEach(() => resetCases(db));

  const file = (locale: 'th' | 'en' = 'th') => intake.fileComplaint(complaintBody() as unknown as FileComplaintDto, locale);
  const sequences = async () =>
    (await db.query(`SELECT sequence FROM cases ORDER BY sequence`)).map((r: { sequence: number }) => r.sequence);

  it('numbers 300 concurrent filings 1 to 300 in groups, each answered only once its row is committed', async () => {
    const visibleAtAnswer = await Promise.all(
      Array.from({ length: 300 }, () =>
        file().then(async (c) => (await db.query(`SELECT reference_no FROM cases WHERE id = $1`, [c.id]))[0]?.reference_no === c.referenceNo),
      ),
    );
    expect(visibleAtAnswer.every(Boolean)).toBe(true);
    expect(await sequences()).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    // Fewer transactions than filings: they were grouped (each group's xid on its cases' rows).
    const [{ groups }] = await db.query(`SELECT count(DISTINCT xmin::text)::int AS groups FROM cases`);
    expect(groups).toBeLessThan(150);
    expect(await countRows(db)).toMatchObject({ cases: 300, complainants: 300, events: 300, notifications: 300 });
  });

  it('rejects a filing that fails inside its group and commits the others, without a hole in the numbers', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => file(i % 10 === 7 ? 'en' : 'th')),
    );
    const failed = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
    expect(failed).toHaveLength(4);
    expect(failed[0].reason.message).toContain('null value');
    expect(await sequences()).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    // Nothing of the failed filings: no complainant, no timeline line, no notice.
    expect(await countRows(db)).toMatchObject({ cases: 36, complainants: 36, events: 36, notifications: 36 });
    const answered = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.referenceNo] : []));
    expect(new Set(answered).size).toBe(36);
  });

  it('never commits a case without its number', async () => {
    await expect(
      db.transaction(async (m) => {
        const [{ id }] = await m.query(`INSERT INTO complainants (anonymous) VALUES (true) RETURNING id`);
        await m.query(
          `INSERT INTO cases (kind, channel, status, fiscal_year, subject, description, complainant_id, consent_at, received_at, due_at, locale)
           VALUES ('general', 'web', 'received', 2569, 's', 'd', $1, now(), now(), now() + interval '15 days', 'th')`,
          [id],
        );
      }),
    ).rejects.toThrow(/null value in column "sequence"/);
    expect(await countRows(db)).toMatchObject({ cases: 0 });
  });

  it('files a lone complaint at once, in a transaction of its own', async () => {
    const c = await file();
    expect(c.referenceNo).toMatch(/-000001$/);
    expect(await countRows(db)).toMatchObject({ cases: 1, complainants: 1, events: 1, notifications: 1 });
  });
});
