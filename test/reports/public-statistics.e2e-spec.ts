import request from 'supertest';
import { ManualClock } from '../../src/common/time/clock';
import { launchBrowser, listenOnLoopback } from '../support/browser';
import { act, registerCase } from '../support/cases';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { tokensNow } from './clock-tokens';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const bkk = (local: string) => new Date(`${local}+07:00`);
const NAME = 'สมศรี ใจซื่อ';
const EMAIL = 'somsri.private@example.com';
const PHONE = '0812223333';
const SUBJECT = 'ร้องเรียนเจ้าหน้าที่เรียกรับเงินใต้โต๊ะหน้าตลาดสด';
const DETAIL = 'รายละเอียดลับเฉพาะของผู้ร้อง';

describe('public statistics (o31)', () => {
  const clock = new ManualClock(bkk('2025-11-20T10:00:00'));
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof tokensNow>>;
  let references: string[] = [];
  let codes: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    await resetCases(t.db);
    tokens = await tokensNow(t);
    const complainant = { name: NAME, email: EMAIL, phone: PHONE, address: 'บ้านเลขที่ 9 ถนนลับ' };
    const a = await registerCase(t, tokens.center, { receivedAt: bkk('2025-10-02T09:00:00').toISOString(), subject: SUBJECT, description: DETAIL, complainant, location: 'ตลาดสดเทศบาล' });
    const b = await registerCase(t, tokens.center, { receivedAt: bkk('2025-11-03T09:00:00').toISOString(), subject: SUBJECT, description: DETAIL, complainant });
    await act(t, tokens.center, a.id, { action: 'reject', message: 'เหตุผลที่ไม่รับ ไม่ควรเผยแพร่' }).expect(200);
    const c = await registerCase(t, tokens.integrity, {
      kind: 'corruption', channel: 'letter', categoryCode: 'bribery', receivedAt: bkk('2025-11-04T09:00:00').toISOString(), subject: SUBJECT, description: DETAIL, complainant,
    });
    references = [a.referenceNo, b.referenceNo, c.referenceNo];
    codes = [a.trackingCode as string, b.trackingCode as string];
  }, 120_000);

  afterAll(async () => {
    await resetCases(t.db);
    await t.close();
  });

  it('answers counts by kind and month, and nothing else', async () => {
    const res = await request(t.http).get('/api/v1/public/statistics?fiscalYear=2569').expect(200);
    const s = res.body;
    expect(Object.keys(s).sort()).toEqual(['asOf', 'corruption', 'fiscalYear', 'general', 'satisfaction']);
    // The October letter was rejected on 20 November, after its due date: completed, but late.
    expect(s.general).toMatchObject({ received: 2, completed: 1, inProgress: 1, withinDeadlinePct: 0 });
    expect(s.corruption).toMatchObject({ received: 1, completed: 0, inProgress: 1, withinDeadlinePct: null });
    expect(s.general.months).toHaveLength(12);
    expect(s.general.months[0]).toEqual({ label: 'ต.ค. 2568', labelEn: 'Oct 2025', from: '2025-10-01', to: '2025-10-31', received: 1, completed: 1, inProgress: 0 });
    expect(s.corruption.months[1]).toMatchObject({ received: 1, inProgress: 1 });
    expect(Object.keys(s.general.months[0]).sort()).toEqual(['completed', 'from', 'inProgress', 'label', 'labelEn', 'received', 'to']);
    const text = JSON.stringify(s);
    for (const secret of [NAME, EMAIL, PHONE, SUBJECT, DETAIL, 'ตลาดสด', 'ไม่ควรเผยแพร่', ...references, ...codes]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    await request(t.http).get('/api/v1/public/statistics?fiscalYear=twenty').expect(400);
  });

  it('shows the page with a chart drawn on our own origin and no personal data', async () => {
    const page = await request(t.http).get('/statistics?fiscalYear=2569').expect(200);
    expect(page.text).toContain('<svg class="chart"');
    expect(page.text).toContain('สถิติเรื่องร้องเรียน ปีงบประมาณ 2569');
    expect(page.text).not.toMatch(/<script|src="https?:|href="https?:/);
    for (const secret of [NAME, EMAIL, PHONE, SUBJECT, DETAIL, ...references]) expect(page.text).not.toContain(secret);
    const en = await request(t.http).get('/statistics?fiscalYear=2569&lang=en').expect(200);
    expect(en.text).toContain('Complaint statistics');
  });

  it('reads well in a browser', async () => {
    const base = await listenOnLoopback(t);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 1400 } });
      const outside: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(base)) outside.push(r.url());
      });
      await page.goto(`${base}/statistics?fiscalYear=2569`);
      expect(await page.locator('[data-testid="general"] [data-figure="received"]').textContent()).toBe('2');
      expect(await page.locator('[data-testid="corruption"] [data-figure="inProgress"]').textContent()).toBe('1');
      await page.selectOption('#fiscalYear', '2568');
      await Promise.all([page.waitForURL(/fiscalYear=2568/), page.click('form.inline button')]);
      expect(await page.locator('h1').textContent()).toContain('2568');
      await page.goto(`${base}/statistics?fiscalYear=2569`);
      mkdirSync(join(__dirname, '..', 'artifacts'), { recursive: true });
      await page.screenshot({ path: join(__dirname, '..', 'artifacts', 'statistics-page.png'), fullPage: true });
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
