import { DomainError } from '../../src/common/errors/domain-error';
import { Transactions } from '../../src/database/transactions';
import { CaseChange, CaseChanges } from '../../src/modules/cases';
import { CaseActionsService } from '../../src/modules/cases/case-actions.service';
import { CaseRegistrationService } from '../../src/modules/cases/case-registration.service';
import { STAFF } from '../support/auth';
import { countRows, resetCases } from '../support/test-app';
import { startTestContext, TestContext } from '../support/test-context';

describe('the case-change seam', () => {
  let t: TestContext;
  let seen: CaseChange[];
  let failOn: string | null;

  beforeAll(async () => {
    t = await startTestContext();
    // A subscriber of the test's own, after the real ones.
    t.app.get(CaseChanges).subscribe('test-probe', {
      onCaseChanges: async (changes, tx) => {
        for (const change of changes) {
          if (change.action === failOn) throw new DomainError(DomainError.notFound('probe').code, 'probe refused');
          seen.push(change);
          // Subscribers write in the change's own transaction.
          await tx.manager.query(`SELECT 1 FROM cases WHERE id = $1 FOR UPDATE`, [change.case.id]);
        }
      },
    });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    seen = [];
    failOn = null;
    await resetCases(t.db);
  });

  const register = () =>
    t.app.get(CaseRegistrationService).register({
      kind: 'general',
      channel: 'web',
      receivedAt: t.clock.now(),
      subject: 'ขยะไม่เก็บ',
      description: 'สามวันแล้ว',
      categoryId: null,
      location: null,
      complainant: { anonymous: false, name: 'สมใจ', email: 'somjai@example.com', phone: null, address: null },
      consentAt: t.clock.now(),
      letter: null,
      registeredBy: null,
      locale: 'en',
    });

  it('announces every change once, with the case as it stands after it', async () => {
    const c = await register();
    const center = await t.staff(STAFF.center);
    await t.app.get(CaseActionsService).perform(center, c.id, { action: 'accept' });
    expect(seen.map((s) => [s.action, s.fromStatus, s.toStatus, s.case.status])).toEqual([
      ['receive', null, 'received', 'received'],
      ['accept', 'received', 'accepted', 'accepted'],
    ]);
    expect(seen[0]).toMatchObject({ public: true, actor: { id: null, role: 'citizen' }, case: { locale: 'en', kind: 'general' } });
    expect(seen[1].actor).toEqual({ id: center.id, role: 'center' });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM case_events WHERE id = ANY($1::bigint[])`, [seen.map((s) => s.eventId)]);
    expect(n).toBe(2);
  });

  it('undoes the whole change when a subscriber fails: no case, no line, no notice', async () => {
    failOn = 'receive';
    await expect(register()).rejects.toThrow('probe refused');
    expect(await countRows(t.db)).toMatchObject({ cases: 0, complainants: 0, events: 0, notifications: 0, counters: 0 });
  });

  it('runs after-commit hooks only after a commit', async () => {
    const ran: string[] = [];
    const transactions = t.app.get(Transactions);
    await transactions.run(async (tx) => tx.afterCommit(() => void ran.push('committed')));
    await expect(
      transactions.run(async (tx) => {
        tx.afterCommit(() => void ran.push('rolled back'));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(ran).toEqual(['committed']);
  });
});
