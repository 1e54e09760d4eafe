import { CaseActionsService } from '../../src/modules/cases/case-actions.service';
import { DeadlineHandlers } from '../../src/modules/deadlines/deadline-handlers.service';
import { timerJobId } from '../../src/modules/deadlines/deadline-plan';
import { DeadlineReconciler } from '../../src/modules/deadlines/deadline-reconciler.service';
import { STAFF } from '../support/auth';
import { SmtpSink } from '../support/smtp-sink';
import { resetCases } from '../support/test-app';
import { startTestContext, TestContext } from '../support/test-context';
import { waitFor } from '../support/wait-for';
import { DAY, deadlinesQueue, outbox, registerReceived, wipeRedisPrefix } from './deadline-fixtures';

const NOTICE_SUBJECT = 'ครบกำหนด 15 วัน';

describe('the 15-day deadline, with workers running', () => {
  let t: TestContext;
  let smtp: SmtpSink;
  let works: string;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    t = await startTestContext({ SMTP_URL: smtp.url, MAIL_RETRY_DELAY_MS: '100', MAIL_MAX_ATTEMPTS: '5' }, { workers: true });
    [{ id: works }] = await t.db.query(`SELECT id FROM departments WHERE code = 'works'`);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  beforeEach(async () => {
    await resetCases(t.db);
    t.clock.set(new Date());
  });

  const notices = (email: string) => smtp.to(email).filter((m) => m.subject?.includes(NOTICE_SUBJECT));
  const facts = async (id: string) =>
    (await t.db.query(`SELECT overdue_at AS "overdueAt", due_at AS "dueAt", first_response_at AS "firstResponseAt" FROM cases WHERE id = $1`, [id]))[0];
  const lines = (id: string, action: string) =>
    t.db.query(`SELECT public, actor_role AS "actorRole", message FROM case_events WHERE case_id = $1 AND action = $2`, [id, action]);

  it('fires a deadline that passed before the case was registered, and tells the complainant once', async () => {
    const c = await registerReceived(t, new Date(t.clock.now().getTime() - 16 * DAY));
    const [mail] = await waitFor(() => (notices(c.email).length ? notices(c.email) : undefined), { what: 'the deadline notice' });
    expect(mail.text).toContain('ยังอยู่ระหว่างดำเนินการโดยศูนย์รับเรื่องร้องทุกข์/ร้องเรียน');
    expect(mail.text).toContain(`http://rongrian.test/track?code=${c.trackingCode}`);
    expect(mail.text).toMatch(/กำหนดแจ้งผลหรือชี้แจงภายใน: \d{1,2} [ก-๙]+ 25\d\d/);

    // The stored fact, a public system line that is not an answer of staff, the centre escalated to.
    const f = await facts(c.id);
    expect(f.overdueAt).toEqual(f.dueAt);
    expect(f.firstResponseAt).toBeNull();
    expect(await lines(c.id, 'overdue')).toEqual([{ public: true, actorRole: 'system', message: expect.stringContaining('ครบกำหนด 15 วัน') }]);
    await waitFor(() => smtp.to(STAFF.center).find((m) => m.subject?.includes(c.referenceNo)), { what: 'the escalation to the centre' });

    // A redelivered job, and the reconciler, find it done.
    const payload = { caseId: c.id, dueAt: c.dueAt.getTime(), occasion: 'deadline' };
    await t.app.get(DeadlineHandlers).fire(payload);
    await t.app.get(DeadlineReconciler).reconcile();
    expect(await outbox(t, 'deadline_notice')).toHaveLength(1);
    expect(await lines(c.id, 'overdue')).toHaveLength(1);
    await waitFor(async () => (await outbox(t, 'deadline_notice'))[0].status === 'sent', { what: 'the notice marked sent' });
    expect(notices(c.email)).toHaveLength(1);

    // The next timer is the executive's escalation, 15 days after the due date.
    const escalation = await deadlinesQueue(t).getJob(timerJobId(c.id, { occasion: 'escalation', dueAt: c.dueAt }));
    expect(await escalation?.getState()).toBe('delayed');
  });

  it('sends the officer’s explanation instead of the interim notice when there is one', async () => {
    const start = t.clock.now();
    const c = await registerReceived(t, new Date(start.getTime() - 14 * DAY));
    const center = await t.staff(STAFF.center);
    const officer = await t.staff(STAFF.works);
    const actions = t.app.get(CaseActionsService);
    await actions.perform(center, c.id, { action: 'assign', departmentId: works });
    await actions.perform(officer, c.id, { action: 'start' });
    const expectedAt = new Date(start.getTime() + 10 * DAY).toISOString();
    await actions.perform(officer, c.id, { action: 'explain', message: 'รอผู้รับจ้างส่งวัสดุซ่อมผิวถนน', expectedAt });

    t.clock.set(new Date(start.getTime() + 1.5 * DAY));
    await t.app.get(DeadlineHandlers).fire({ caseId: c.id, dueAt: c.dueAt.getTime(), occasion: 'deadline' });
    const [mail] = await waitFor(() => (notices(c.email).length ? notices(c.email) : undefined), { what: 'the deadline notice' });
    expect(mail.text).toContain('รอผู้รับจ้างส่งวัสดุซ่อมผิวถนน');
    expect(mail.text).toContain('กองช่างได้ชี้แจงเหตุผลไว้เมื่อวันที่');
    expect(mail.text).not.toContain('สมศักดิ์'); // no officer's name, only the division
    // The head of the division is escalated to.
    await waitFor(() => smtp.to(STAFF.worksHead).find((m) => m.subject?.startsWith('เกินกำหนด 15 วัน')), { what: 'the head escalated to' });
  });

  it('leaves a case resolved in time alone: its timer goes, no notice at the due date', async () => {
    const start = t.clock.now();
    const c = await registerReceived(t, new Date(start.getTime() - 14 * DAY));
    const center = await t.staff(STAFF.center);
    const officer = await t.staff(STAFF.works);
    const actions = t.app.get(CaseActionsService);
    await actions.perform(center, c.id, { action: 'assign', departmentId: works, assigneeId: officer.id });
    await actions.perform(officer, c.id, { action: 'start' });
    await actions.perform(officer, c.id, { action: 'resolve', message: 'ซ่อมถนนแล้ว' });
    const queue = deadlinesQueue(t);
    const deadlineJob = timerJobId(c.id, { occasion: 'deadline', dueAt: c.dueAt });
    await waitFor(async () => !(await queue.getJob(deadlineJob)), { what: 'the timer removed' });

    t.clock.set(new Date(start.getTime() + 2 * DAY));
    await t.app.get(DeadlineHandlers).fire({ caseId: c.id, dueAt: c.dueAt.getTime(), occasion: 'deadline' });
    expect(await t.app.get(DeadlineReconciler).reconcile()).toMatchObject({ checked: 0, restored: 0 });
    expect(await outbox(t, 'deadline_notice')).toEqual([]);
    expect(await outbox(t, 'deadline_escalation')).toEqual([]);
    expect((await facts(c.id)).overdueAt).toBeNull();
  });

  it('reminds the centre of an unassigned case before its due date, then sets the next reminder', async () => {
    // Received 12.5 days ago: the 3-day reminder's moment has passed, the 1-day one's has not.
    const c = await registerReceived(t, new Date(t.clock.now().getTime() - 12.5 * DAY));
    await waitFor(() => smtp.to(STAFF.center).find((m) => m.subject?.startsWith(`เตือน: เรื่องร้องเรียน เลขที่ ${c.referenceNo}`)), {
      what: 'the reminder',
    });
    const next = timerJobId(c.id, { occasion: 'reminder-1d', dueAt: c.dueAt });
    await waitFor(async () => (await (await deadlinesQueue(t).getJob(next))?.getState()) === 'delayed', { what: 'the 1-day reminder set' });
    expect(notices(c.email)).toEqual([]);
  });

  it('after Redis lost its data, the reconciler sets the timers again and fires a deadline that passed, once', async () => {
    const start = t.clock.now();
    const later = await registerReceived(t, new Date(start.getTime() - 2 * DAY));
    const dueSoon = await registerReceived(t, new Date(start.getTime() - 14 * DAY));
    const queue = deadlinesQueue(t);
    const laterTimer = timerJobId(later.id, { occasion: 'reminder-3d', dueAt: later.dueAt });
    await waitFor(async () => await queue.getJob(laterTimer), { what: 'the first timer' });
    // Mails in flight settle first: this test is about the timers.
    await waitFor(async () => (await outbox(t)).every((n) => n.status === 'sent'), { what: 'the acknowledgements sent' });

    await wipeRedisPrefix(queue.opts.prefix as string);
    expect(await queue.getJob(laterTimer)).toBeUndefined();
    // Two days pass with nothing watching: the second case's deadline goes by.
    t.clock.set(new Date(start.getTime() + 2 * DAY));

    const reconciler = t.app.get(DeadlineReconciler);
    // One case a chunk: the walk hands its chunks to both lanes, and misses none.
    expect(await reconciler.reconcile(1)).toMatchObject({ checked: 2, restored: 2, overdue: 1 });
    expect(await (await queue.getJob(laterTimer))?.getState()).toBe('delayed');
    await waitFor(() => notices(dueSoon.email)[0], { what: 'the deadline that passed, fired' });
    await waitFor(async () => (await outbox(t, 'deadline_notice'))[0]?.status === 'sent', { what: 'sent' });
    expect(await reconciler.reconcile()).toMatchObject({ restored: 0 });
    expect(notices(dueSoon.email)).toHaveLength(1);
    expect(notices(later.email)).toEqual([]);
  });
});
