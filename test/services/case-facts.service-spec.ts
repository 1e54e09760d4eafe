import { CaseActionsService } from '../../src/modules/cases/case-actions.service';
import { CaseRegistrationService } from '../../src/modules/cases/case-registration.service';
import { STAFF } from '../support/auth';
import { resetCases } from '../support/test-app';
import { startTestContext, TestContext } from '../support/test-context';

const DAY = 24 * 3600 * 1000;

describe('stored facts of a case (CaseFactsSubscriber)', () => {
  let t: TestContext;
  let registration: CaseRegistrationService;
  let actions: CaseActionsService;
  let works: string;

  beforeAll(async () => {
    t = await startTestContext();
    registration = t.app.get(CaseRegistrationService);
    actions = t.app.get(CaseActionsService);
    [{ id: works }] = await t.db.query(`SELECT id FROM departments WHERE code = 'works'`);
  });
  afterAll(() => t.close());
  beforeEach(() => resetCases(t.db));

  const register = (receivedAt: Date) =>
    registration.register({
      kind: 'general',
      channel: 'phone',
      receivedAt,
      subject: 'ท่อแตก',
      description: 'น้ำไหลนองถนน',
      categoryId: null,
      location: null,
      complainant: { anonymous: false, name: 'สมพร', email: null, phone: null, address: null },
      consentAt: null,
      letter: null,
      registeredBy: null,
      locale: 'th',
    });
  const facts = async (id: string) =>
    (
      await t.db.query(
        `SELECT overdue_at AS "overdueAt", first_response_at AS "firstResponseAt", first_resolved_at AS "firstResolvedAt",
                last_resolved_at AS "lastResolvedAt", first_closed_at AS "firstClosedAt", last_closed_at AS "lastClosedAt", due_at AS "dueAt"
         FROM cases WHERE id = $1`,
        [id],
      )
    )[0];

  it('keeps the first and last resolution and closing, and the first public answer, as they happen', async () => {
    const start = new Date('2026-03-02T02:00:00Z');
    t.clock.set(start);
    const center = await t.staff(STAFF.center);
    const officer = await t.staff(STAFF.works);
    const c = await register(start);
    expect(await facts(c.id)).toMatchObject({ firstResponseAt: null, overdueAt: null });

    t.clock.set(new Date(start.getTime() + 1 * DAY));
    await actions.perform(center, c.id, { action: 'note', message: 'โทรกลับแล้ว' });
    expect((await facts(c.id)).firstResponseAt).toBeNull();
    await actions.perform(center, c.id, { action: 'accept' });
    expect((await facts(c.id)).firstResponseAt).toEqual(new Date(start.getTime() + 1 * DAY));

    t.clock.set(new Date(start.getTime() + 2 * DAY));
    await actions.perform(center, c.id, { action: 'assign', departmentId: works });
    await actions.perform(officer, c.id, { action: 'start' });
    t.clock.set(new Date(start.getTime() + 3 * DAY));
    await actions.perform(officer, c.id, { action: 'resolve', message: 'ซ่อมแล้ว' });
    t.clock.set(new Date(start.getTime() + 4 * DAY));
    await actions.perform(center, c.id, { action: 'close' });
    t.clock.set(new Date(start.getTime() + 5 * DAY));
    await actions.perform(center, c.id, { action: 'reopen', message: 'ยังรั่วอยู่' });
    t.clock.set(new Date(start.getTime() + 6 * DAY));
    await actions.perform(officer, c.id, { action: 'resolve', message: 'เปลี่ยนท่อแล้ว' });
    await actions.perform(center, c.id, { action: 'close' });

    const at = (days: number) => new Date(start.getTime() + days * DAY);
    expect(await facts(c.id)).toMatchObject({
      firstResponseAt: at(1),
      firstResolvedAt: at(3),
      lastResolvedAt: at(6),
      firstClosedAt: at(4),
      lastClosedAt: at(6),
      // Resolved well within the 15 days: never overdue.
      overdueAt: null,
    });
  });

  it('marks a case overdue from its due date when it was still open then, and keeps it after resolution', async () => {
    const start = new Date('2026-03-02T02:00:00Z');
    t.clock.set(start);
    const center = await t.staff(STAFF.center);
    const officer = await t.staff(STAFF.works);
    const c = await register(start);
    await actions.perform(center, c.id, { action: 'assign', departmentId: works });
    t.clock.set(new Date(start.getTime() + 20 * DAY));
    await actions.perform(officer, c.id, { action: 'start' });
    await actions.perform(officer, c.id, { action: 'resolve', message: 'ช้าไปหน่อย' });
    const f = await facts(c.id);
    expect(f.overdueAt).toEqual(f.dueAt);
    expect(f.firstResolvedAt).toEqual(new Date(start.getTime() + 20 * DAY));
  });

  it('leaves a case that was settled before its due date alone even when touched later', async () => {
    const start = new Date('2026-03-02T02:00:00Z');
    t.clock.set(start);
    const center = await t.staff(STAFF.center);
    const c = await register(start);
    await actions.perform(center, c.id, { action: 'reject', message: 'ไม่อยู่ในอำนาจ' });
    t.clock.set(new Date(start.getTime() + 40 * DAY));
    await actions.perform(center, c.id, { action: 'note', message: 'บันทึกภายหลัง' });
    expect((await facts(c.id)).overdueAt).toBeNull();
  });
});
