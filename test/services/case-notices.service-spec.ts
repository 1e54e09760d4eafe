import { Transactions } from '../../src/database/transactions';
import { CaseActionsService } from '../../src/modules/cases/case-actions.service';
import { CaseRegistrationService, NewCase } from '../../src/modules/cases';
import { NotificationsService, WaitForEarlierNotice } from '../../src/modules/notifications/notifications.service';
import { STAFF } from '../support/auth';
import { resetCases } from '../support/test-app';
import { startTestContext, TestContext } from '../support/test-context';

describe('notices of case changes (CaseNoticesSubscriber and the outbox)', () => {
  let t: TestContext;
  let works: string;

  beforeAll(async () => {
    t = await startTestContext();
    [{ id: works }] = await t.db.query(`SELECT id FROM departments WHERE code = 'works'`);
  });
  afterAll(() => t.close());
  beforeEach(() => resetCases(t.db));

  const outbox = (): Promise<Array<{ template: string; recipient: string; locale: string; seq: string }>> =>
    t.db.query(`SELECT template, recipient, locale, seq FROM notifications ORDER BY seq`);
  const newCase = (overrides: Partial<NewCase> = {}): NewCase => ({
    kind: 'general',
    channel: 'phone',
    receivedAt: t.clock.now(),
    subject: 'ไฟดับ',
    description: 'ทั้งซอย',
    categoryId: null,
    location: null,
    complainant: { anonymous: false, name: 'สุดา', email: 'suda@example.com', phone: null, address: null },
    consentAt: null,
    letter: null,
    registeredBy: null,
    locale: 'en',
    ...overrides,
  });

  it('acknowledges a general case in the language it was filed in, and tells the assignee', async () => {
    const c = await t.app.get(CaseRegistrationService).register(newCase());
    const center = await t.staff(STAFF.center);
    const officer = await t.staff(STAFF.works);
    await t.app.get(CaseActionsService).perform(center, c.id, { action: 'assign', departmentId: works, assigneeId: officer.id });
    expect(await outbox()).toMatchObject([
      { template: 'acknowledgement', recipient: 'suda@example.com', locale: 'en' },
      { template: 'assignment', recipient: STAFF.works, locale: 'th' },
    ]);
  });

  it('queues nothing at all for a corruption case, not even an acknowledgement', async () => {
    const integrity = await t.staff(STAFF.integrity);
    const c = await t.app.get(CaseRegistrationService).register(
      newCase({ kind: 'corruption', registeredBy: { id: integrity.id, role: 'integrity' } }),
    );
    await t.app.get(CaseActionsService).perform(integrity, c.id, { action: 'accept' });
    expect(await outbox()).toEqual([]);
  });

  it('never holds the same notice twice', async () => {
    const c = await t.app.get(CaseRegistrationService).register(newCase());
    const [{ event_id: eventId }] = await t.db.query(`SELECT event_id FROM notifications`);
    const again = { template: 'acknowledgement' as const, caseId: c.id, eventId, recipient: 'SUDA@example.com ', locale: 'en' as const };
    await t.app.get(Transactions).run((tx) => t.app.get(NotificationsService).enqueue(tx, [again, again]));
    expect(await outbox()).toHaveLength(1);
  });

  it('holds a later notice back while an earlier one to the same person about the same case is pending', async () => {
    const c = await t.app.get(CaseRegistrationService).register(newCase());
    await t.app.get(CaseActionsService).perform(await t.staff(STAFF.center), c.id, { action: 'accept' });
    const [first, second] = await t.db.query(`SELECT id FROM notifications ORDER BY seq`);
    const notifications = t.app.get(NotificationsService);
    await expect(notifications.deliver(second.id)).rejects.toBeInstanceOf(WaitForEarlierNotice);
    // The first one is then settled (here: the mail server refuses for good): the second may go.
    await t.db.query(`UPDATE notifications SET status = 'failed' WHERE id = $1`, [first.id]);
    await expect(notifications.deliver(second.id)).rejects.not.toBeInstanceOf(WaitForEarlierNotice);
  });
});
