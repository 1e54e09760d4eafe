import { ManualClock } from '../../src/common/time/clock';
import { DomainError, ErrorCode } from '../../src/common/errors/domain-error';
import type { StaffUser } from '../../src/modules/auth/staff-user';
import { DashboardService } from '../../src/modules/reports/dashboard/dashboard.service';
import { STAFF } from '../support/auth';
import { departmentId, registerCase, resolveInWorks } from '../support/cases';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { tokensNow } from './clock-tokens';

const bkk = (local: string) => new Date(`${local}+07:00`);

describe('DashboardService', () => {
  const clock = new ManualClock(bkk('2025-11-15T10:00:00'));
  let t: TestApp;
  let dashboard: DashboardService;
  let works: string;

  async function staff(email: string): Promise<StaffUser> {
    const [u] = await t.db.query(`SELECT id, email, display_name AS "displayName", role, department_id AS "departmentId" FROM users WHERE email = $1`, [email]);
    return u;
  }

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    await resetCases(t.db);
    dashboard = t.app.get(DashboardService);
    works = await departmentId(t, 'works');
    const tokens = await tokensNow(t);
    // October: one phone case never handled, overdue since 20 October.
    await registerCase(t, tokens.center, { channel: 'phone', receivedAt: bkk('2025-10-05T09:00:00').toISOString() });
    // November: a letter resolved by the works department, and a walk-in still within its 15 days.
    const letter = await registerCase(t, tokens.center, { channel: 'letter', receivedAt: bkk('2025-11-10T09:00:00').toISOString() });
    await registerCase(t, tokens.center, { channel: 'walk_in', receivedAt: bkk('2025-11-14T09:00:00').toISOString() });
    await resolveInWorks(t, tokens, letter.id);
  });
  afterAll(async () => {
    await resetCases(t.db);
    await t?.close();
  });

  it('gives this month, the fiscal year so far and the cases overdue now', async () => {
    const d = await dashboard.dashboard(await staff(STAFF.executive));
    expect(d.fiscalYear).toBe(2569);
    expect(d.month).toMatchObject({ label: 'พ.ย. 2568', received: 2, resolved: 1 });
    expect(d.year).toMatchObject({ label: 'ปีงบประมาณ 2569', received: 3, resolved: 1 });
    expect(d.overdueNow).toBe(1);
    // October and November only: the year so far.
    expect(d.months).toEqual([
      { label: 'ต.ค. 2568', labelEn: 'Oct 2025', received: 1, resolved: 0 },
      { label: 'พ.ย. 2568', labelEn: 'Nov 2025', received: 2, resolved: 1 },
    ]);
    expect(Object.fromEntries(d.byChannel.map((c) => [c.key, c.received]))).toEqual({ phone: 1, letter: 1, walk_in: 1 });
    expect(d.byDepartment.find((e) => e.key === works)).toMatchObject({ received: 1, resolved: 1 });
    expect(d.byDepartment.find((e) => e.key === null)).toMatchObject({ received: 2 });
  });

  it('counts a case as overdue from the moment its deadline passes', async () => {
    clock.set(bkk('2025-11-29T10:00:00'));
    try {
      expect((await dashboard.dashboard(await staff(STAFF.executive))).overdueNow).toBe(2);
    } finally {
      clock.set(bkk('2025-11-15T10:00:00'));
    }
  });

  it("shows a department head their own department's figures only", async () => {
    const d = await dashboard.dashboard(await staff(STAFF.worksHead));
    expect(d.year.received).toBe(1);
    expect(d.overdueNow).toBe(0);
    expect(d.departmentId).toBe(works);
  });

  it('refuses a role that reads no statistics', async () => {
    await expect(dashboard.dashboard(await staff(STAFF.admin))).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(dashboard.dashboard(await staff(STAFF.admin))).rejects.toBeInstanceOf(DomainError);
  });
});
