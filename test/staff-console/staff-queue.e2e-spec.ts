import { ManualClock } from '../../src/common/time/clock';
import { bearer, STAFF } from '../support/auth';
import { act, departmentId, registerCase } from '../support/cases';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { signedIn } from './console-client';

/** The text of each row's reference link, in page order. */
function references(page: string): string[] {
  return [...page.matchAll(/<td data-label="[^"]+"><a href="\/staff\/cases\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
}

function tabCount(page: string, label: string): number {
  const match = new RegExp(`${label} <span class="count">(\\d+)</span>`).exec(page);
  if (!match) throw new Error(`no tab ${label}`);
  return Number(match[1]);
}

describe('the queue page', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T03:00:00Z'));
  const day = 24 * 3600_000;
  let center: string;
  let integrity: string;
  let works: string;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    await resetCases(t.db);
    center = await bearer(t, STAFF.center);
    integrity = await bearer(t, STAFF.integrity);
    works = await departmentId(t, 'works');
    const at = (daysAgo: number) => new Date(clock.now().getTime() - daysAgo * day).toISOString();
    // Overdue (received 20 days ago), due in 2 days, fresh; one corruption case; one with the works department.
    await registerCase(t, center, { subject: 'ถนนเป็นหลุม เกินกำหนด', receivedAt: at(20) });
    await registerCase(t, center, { subject: 'ขยะไม่เก็บ ใกล้ครบกำหนด', receivedAt: at(13) });
    const fresh = await registerCase(t, center, { subject: 'ไฟถนนดับ เรื่องใหม่', receivedAt: at(0) });
    await registerCase(t, integrity, { kind: 'corruption', categoryCode: undefined, subject: 'เรียกรับเงินใต้โต๊ะ', receivedAt: at(1) });
    for (const action of [{ action: 'accept' }, { action: 'assign', departmentId: works }]) {
      const res = await act(t, center, fresh.id, action);
      if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    }
  });
  afterAll(async () => {
    await resetCases(t.db);
    await t?.close();
  });

  it('shows the centre every general case with its days left, overdue in red, and counts on the tabs', async () => {
    const browser = await signedIn(t, STAFF.center);
    const page = (await browser.get('/staff').expect(200)).text;
    expect(references(page)).toHaveLength(3);
    expect(page).not.toContain('เรียกรับเงินใต้โต๊ะ');
    expect(page).toMatch(/<tr class="is-overdue">[\s\S]*?ถนนเป็นหลุม[\s\S]*?<strong class="overdue">เกิน 5 วัน<\/strong>/);
    expect(page).toContain('2 วัน');
    expect(tabCount(page, 'ทั้งหมด')).toBe(3);
    expect(tabCount(page, 'เรื่องใหม่')).toBe(2);
    expect(tabCount(page, 'เกินกำหนด')).toBe(1);
    expect(tabCount(page, 'ครบกำหนดใน 3 วัน')).toBe(1);
    expect(tabCount(page, 'รอคำชี้แจง')).toBe(1);
    expect(page).toContain('กองช่าง');
    expect(page).toContain('โทรศัพท์');

    const english = (await browser.get('/staff?lang=en').expect(200)).text;
    expect(english).toContain('<html lang="en">');
    expect(tabCount(english, 'Overdue')).toBe(1);
    expect(english).toContain('5 days overdue');
    expect(english).toContain('G-25');

    const overdue = (await browser.get('/staff?view=overdue').expect(200)).text;
    expect(overdue).toContain('ถนนเป็นหลุม');
    expect(references(overdue)).toHaveLength(1);
    const searched = (await browser.get(`/staff?q=${encodeURIComponent('ขยะ')}`).expect(200)).text;
    expect(references(searched)).toHaveLength(1);
  });

  it('pages with a keyset cursor, in the chosen order', async () => {
    const browser = await signedIn(t, STAFF.center);
    const first = (await browser.get('/staff?sort=-receivedAt&limit=2').expect(200)).text;
    expect(first).toMatch(/ไฟถนนดับ[\s\S]*ขยะไม่เก็บ/);
    const next = /<a class="button" rel="next" href="([^"]+)"/.exec(first)?.[1].replace(/&amp;/g, '&') ?? '';
    expect(next).toContain('cursor=');
    const second = (await browser.get(next).expect(200)).text;
    expect(references(second)).toHaveLength(1);
    expect(second).toContain('ถนนเป็นหลุม');
    expect(second).not.toContain('rel="next"');
  });

  it('shows corruption cases to the integrity officer alone, and a department its own cases', async () => {
    const integrityPage = (await (await signedIn(t, STAFF.integrity)).get('/staff').expect(200)).text;
    expect(references(integrityPage)).toHaveLength(1);
    expect(integrityPage).toContain('เรียกรับเงินใต้โต๊ะ');

    const worksPage = (await (await signedIn(t, STAFF.works)).get('/staff').expect(200)).text;
    expect(references(worksPage)).toHaveLength(1);
    expect(worksPage).toContain('ไฟถนนดับ');
    const financePage = (await (await signedIn(t, STAFF.finance)).get('/staff').expect(200)).text;
    expect(references(financePage)).toHaveLength(0);
  });

  it('answers a hand-edited bad filter with 400, and an administrator with 403', async () => {
    const browser = await signedIn(t, STAFF.center);
    await browser.get('/staff?view=everything').expect(400);
    await (await signedIn(t, STAFF.admin)).get('/staff').expect(403);
  });
});
