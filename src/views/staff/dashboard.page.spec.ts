import type { Dashboard } from '../../modules/reports/dashboard/dashboard.service';
import { dashboardPage } from './dashboard.page';

const satisfaction = { responses: 4, average: 4.25, satisfiedPct: 75, targetPct: 80 };
const entry = (key: string | null, label: string, received: number) => ({
  key,
  label,
  labelEn: `${label} (en)`,
  received,
  resolved: 1,
  resolvedWithinDeadline: 1,
  open: 0,
  overdue: 0,
});
const DASHBOARD: Dashboard = {
  fiscalYear: 2569,
  kind: 'general',
  departmentId: null,
  asOf: '2025-11-15T03:00:00.000Z',
  month: { label: 'พ.ย. 2568', labelEn: 'Nov 2025', received: 2, resolved: 1, withinDeadlinePct: 50, satisfaction },
  year: { label: 'ปีงบประมาณ 2569', labelEn: 'Fiscal year 2569', received: 1234, resolved: 1, withinDeadlinePct: null, satisfaction: { ...satisfaction, responses: 0, satisfiedPct: null } },
  overdueNow: 7,
  months: [
    { label: 'ต.ค. 2568', labelEn: 'Oct 2025', received: 1, resolved: 0 },
    { label: 'พ.ย. 2568', labelEn: 'Nov 2025', received: 2, resolved: 1 },
  ],
  byChannel: [entry('phone', 'โทรศัพท์', 2), entry('web', 'เว็บไซต์', 1)],
  byDepartment: [entry('11111111-1111-4111-8111-111111111111', 'กองช่าง', 1), entry(null, 'ยังไม่มอบหมายหน่วยงาน', 2)],
};

describe('dashboardPage', () => {
  const th = dashboardPage('th', DASHBOARD).main.value;

  it('shows the headline figures of the month and of the year so far, Thai digits grouped', () => {
    expect(th).toContain('เดือนนี้ (พ.ย. 2568)');
    expect(th).toContain('ปีงบประมาณ 2569 ถึงปัจจุบัน');
    expect(th).toMatch(/data-figure="received">1,234</);
    expect(th).toContain('50.0 %');
    expect(th).toContain('75.0 %');
    expect(th).toContain('ยังไม่มีผู้ประเมิน');
    // 75 % is below the 80 % target of seed 004.
    expect(th).toContain('ต่ำกว่าเป้าหมาย 80 %');
  });

  it('drills into the queue with the queue’s own filter names', () => {
    expect(th).toContain('href="/staff?view=overdue"');
    expect(th).toContain('href="/staff?channel=phone"');
    expect(th).toContain('href="/staff?departmentId=11111111-1111-4111-8111-111111111111"');
    // Unassigned has no filter of its own: no link.
    expect(th.match(/<a href="\/staff\?departmentId=/g)).toHaveLength(1);
  });

  it('offers the three report files', () => {
    for (const f of ['csv', 'xlsx', 'pdf']) expect(th).toContain(`href="/staff/dashboard/report?format=${f}"`);
  });

  it('gives every chart its own ids', () => {
    const ids = [...th.matchAll(/ id="([^"]+)"/g)].map((x) => x[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('speaks English when asked, and keeps the language in its links', () => {
    const en = dashboardPage('en', DASHBOARD);
    expect(en.title).toBe('Executive dashboard');
    expect(en.main.value).toContain('This month (Nov 2025)');
    expect(en.main.value).toContain('href="/staff?channel=phone&amp;lang=en"');
    expect(en.main.value).toContain('href="/staff/dashboard/report?format=xlsx&amp;lang=en"');
  });
});
