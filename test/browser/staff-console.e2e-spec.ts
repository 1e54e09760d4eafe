import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { forgetSecondFactor, STAFF, totpCodeAt } from '../support/auth';
import { AxeViolation, axeViolations } from '../support/axe';
import { launchBrowser, listenOnLoopback } from '../support/browser';
import { userId } from '../support/cases';
import { TEST_PASSWORD } from '../support/constants';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { caseIdOf, fileReport, TEST_POW_DIFFICULTY } from '../whistleblower/channel';

const SHOTS = join(__dirname, '..', 'artifacts', 'staff');
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

describe('the staff console in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  /** axe-core's findings on every page shot, by page name. */
  const violations: Record<string, AxeViolation[]> = {};

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    t = await startTestApp({ WHISTLEBLOWER_POW_DIFFICULTY: TEST_POW_DIFFICULTY });
    await resetCases(t.db);
    for (const email of [STAFF.center, STAFF.works, STAFF.finance, STAFF.integrity]) await forgetSecondFactor(t, email);
    base = await listenOnLoopback(t);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await resetCases(t.db);
    await t?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'th-TH' });
    contexts.push(context);
    return context.newPage();
  }

  /** The page at desktop and phone width, saved for a person to look at, and checked by axe-core at both. */
  async function shoot(page: Page, name: string): Promise<void> {
    for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: join(SHOTS, `${name}-${size}.png`), fullPage: true });
      violations[`${name}-${size}`] = await axeViolations(page);
    }
    await page.setViewportSize(DESKTOP);
  }

  async function signIn(page: Page, email: string): Promise<void> {
    await page.getByLabel('อีเมล').fill(email);
    await page.getByLabel('รหัสผ่าน').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  }

  it('an officer registers a phone complaint, the centre assigns it, the department resolves it, and the citizen reads the outcome', async () => {
    const center = await newPage();
    await center.goto(`${base}/staff`);
    expect(new URL(center.url()).pathname).toBe('/staff/login');
    await shoot(center, 'login');
    await signIn(center, STAFF.center);
    await center.getByRole('heading', { name: 'รายการเรื่อง' }).waitFor();

    // Keyboard only, as while on the phone: the caller's name has the cursor, Tab moves on, Enter registers.
    await center.getByRole('link', { name: 'ลงทะเบียนเรื่อง' }).click();
    await center.getByRole('heading', { name: 'ลงทะเบียนเรื่องร้องเรียน' }).waitFor();
    expect(await center.getByLabel('ช่องทางที่รับเรื่อง').inputValue()).toBe('phone');
    expect(await center.getByLabel('วันและเวลาที่รับเรื่อง').inputValue()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    await shoot(center, 'register');
    expect(await center.locator(':focus').getAttribute('name')).toBe('complainant.name');
    await center.keyboard.type('สมศักดิ์ โทรแจ้ง');
    await center.keyboard.press('Tab');
    await center.keyboard.type('0812345678');
    await center.keyboard.press('Tab'); // the anonymous box
    await center.keyboard.press('Tab');
    await center.keyboard.type('ท่อระบายน้ำอุดตันหน้าตลาด');
    await center.keyboard.press('Tab'); // the category
    await center.keyboard.press('Tab');
    await center.keyboard.type('น้ำเอ่อล้นถนนทุกครั้งที่ฝนตก');
    await center.keyboard.press('Tab');
    await center.keyboard.type('หน้าตลาดสด');
    await center.keyboard.press('Enter');
    const code = ((await center.getByTestId('tracking-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{3}$/);
    await shoot(center, 'registered');
    await center.keyboard.press('Enter'); // "open the case" has the focus
    await center.getByRole('heading', { level: 1 }).filter({ hasText: 'ท่อระบายน้ำอุดตัน' }).waitFor();
    const caseUrl = center.url();

    await center.locator('#action-accept summary').click();
    await center.locator('#action-accept').getByRole('button', { name: 'รับพิจารณา', exact: true }).click();
    await center.getByText('บันทึกแล้ว: รับพิจารณา').waitFor();
    await center.locator('#action-assign summary').click();
    await center.getByLabel('เลือกหน่วยงาน').selectOption({ label: 'กองช่าง' });
    await center.locator('#a-assign-assigneeId').selectOption(await userId(t, STAFF.works));
    await shoot(center, 'case-centre');
    await center.locator('#action-assign').getByRole('button', { name: 'มอบหมายหน่วยงาน' }).click();
    await center.getByText('บันทึกแล้ว: มอบหมายหน่วยงาน').waitFor();

    // The department: sent to sign in, and back to the case afterwards.
    const works = await newPage();
    await works.goto(caseUrl);
    expect(new URL(works.url()).pathname).toBe('/staff/login');
    await signIn(works, STAFF.works);
    await works.waitForURL(caseUrl);
    await works.locator('#action-start summary').click();
    await works.locator('#action-start').getByRole('button', { name: 'เริ่มดำเนินการ' }).click();
    await works.getByText('บันทึกแล้ว: เริ่มดำเนินการ').waitFor();
    await works.locator('#action-resolve summary').click();
    await works.locator('#a-resolve-message').fill('ลอกท่อระบายน้ำแล้ว น้ำไหลสะดวก');
    await works.getByRole('button', { name: 'ดูตัวอย่างข้อความที่ผู้ร้องจะเห็น' }).click();
    await works.getByText('ตัวอย่างที่ผู้ร้องจะเห็นในหน้าติดตามเรื่อง').waitFor();
    expect(await works.locator('.preview').textContent()).toContain('ลอกท่อระบายน้ำแล้ว น้ำไหลสะดวก');
    await shoot(works, 'case-department-preview');
    await works.locator('#action-resolve').getByRole('button', { name: 'แจ้งผลการดำเนินการ' }).click();
    await works.getByText('บันทึกแล้ว: แจ้งผลการดำเนินการ').waitFor();
    await works.goto(`${base}/staff`);
    await shoot(works, 'queue-department');

    const citizen = await newPage();
    await citizen.goto(`${base}/track`);
    await citizen.getByLabel('รหัสติดตาม').fill(code);
    await citizen.getByRole('button', { name: 'ตรวจสอบ' }).click();
    await citizen.getByText('ลอกท่อระบายน้ำแล้ว น้ำไหลสะดวก').waitFor();
    expect(await citizen.locator('.case .status').textContent()).toBe('ดำเนินการแล้วเสร็จ');

    // Another department's officer, by URL: the same 404 page as for no case at all.
    const finance = await newPage();
    await finance.goto(`${base}/staff/login`);
    await signIn(finance, STAFF.finance);
    await finance.getByRole('heading', { name: 'รายการเรื่อง' }).waitFor();
    const refused = await finance.goto(caseUrl);
    expect(refused?.status()).toBe(404);
    await finance.getByRole('heading', { name: 'ไม่พบหน้าที่ต้องการ' }).waitFor();

    // A form that lost its CSRF token is refused, and nothing is done.
    await center.goto(`${base}/staff`);
    await shoot(center, 'queue-centre');
    await center.goto(caseUrl);
    await center.locator('#action-close summary').click();
    await center.locator('#action-close input[name="_csrf"]').evaluate((input) => input.remove());
    const [forged] = await Promise.all([
      center.waitForResponse((r) => r.request().method() === 'POST'),
      center.locator('#action-close').getByRole('button', { name: 'ยุติเรื่อง' }).click(),
    ]);
    expect(forged.status()).toBe(403);
    const [row] = await t.db.query(`SELECT status FROM cases WHERE id = $1`, [new URL(caseUrl).pathname.split('/').pop()]);
    expect(row.status).toBe('resolved');
  });

  it('the integrity officer enrols on the page, and reads a whistleblower’s report with its messages', async () => {
    const filed = await fileReport(t, { identity: { name: 'ผู้แจ้ง ทดสอบ' } });
    const id = await caseIdOf(t, filed.referenceNo);
    const page = await newPage();
    await page.goto(`${base}/staff/cases/${id}`);
    await signIn(page, STAFF.integrity);
    await page.getByRole('heading', { name: 'ตั้งค่าการยืนยันตัวตนสองขั้นตอน' }).waitFor();
    await shoot(page, 'enrol');
    const secret = ((await page.getByTestId('otp-secret').textContent()) ?? '').replace(/\s/g, '');
    await page.getByLabel('รหัส 6 หลัก').fill(totpCodeAt(secret, t.clock.now()));
    await page.getByRole('button', { name: 'ยืนยันและเข้าสู่ระบบ' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    await page.getByRole('link', { name: 'ไปต่อ' }).click();
    await page.getByRole('heading', { name: 'รายการเรื่อง' }).waitFor();
    await page.goto(`${base}/staff/cases/${id}`);
    await page.getByText('นายสมมติ ทดสอบ').waitFor();
    await page.locator('#reveal summary').click();
    await shoot(page, 'case-integrity');
  });

  it('finds no accessibility violation on any staff page, at either width', async () => {
    // The checker itself sees a fault when there is one: an image without a text alternative.
    const page = await newPage();
    await page.goto(`${base}/staff/login`);
    await page.locator('main').evaluate((main) => main.insertAdjacentHTML('beforeend', '<img src="/assets/favicon.svg">'));
    expect((await axeViolations(page)).map((v) => v.id)).toContain('image-alt');

    expect(Object.keys(violations).length).toBeGreaterThanOrEqual(16);
    expect(Object.fromEntries(Object.entries(violations).filter(([, v]) => v.length))).toEqual({});
  });
});
