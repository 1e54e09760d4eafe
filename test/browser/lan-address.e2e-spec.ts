import type { Browser } from 'playwright-core';
import { launchBrowser, listenOnLoopback } from '../support/browser';
import { resetCases, startTestApp, TestApp } from '../support/test-app';

/**
 * A municipality's intranet reaches the server by a name or address that is
 * not localhost, over plain http. Chromium treats only localhost and
 * loopback addresses as secure without https, so a page there that asks for
 * upgrade-insecure-requests loses its stylesheet and its form. The name is
 * mapped to loopback inside the browser: no traffic leaves the machine.
 */
const LAN_HOST = 'rongrian.intranet';

describe('the complaint form over plain http on an intranet name', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_BASE_URL: `http://${LAN_HOST}` });
    const loopback = new URL(await listenOnLoopback(t));
    base = `http://${LAN_HOST}:${loopback.port}`;
    browser = await launchBrowser([`--host-resolver-rules=MAP ${LAN_HOST} ${loopback.hostname}`]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(() => resetCases(t.db));

  it('loads styled and files a complaint', async () => {
    const page = await browser.newPage();
    const stylesheet = page.waitForResponse((r) => r.url().endsWith('/assets/app.css'), { timeout: 10_000 });
    await page.goto(`${base}/complaints/new`);
    expect((await stylesheet).url()).toBe(`${base}/assets/app.css`);
    // Runs in the page, whose global has getComputedStyle; the DOM's types are not this project's.
    type Styled = { getComputedStyle(el: unknown): { backgroundColor: string } };
    const headerColour = await page.locator('header.site').evaluate((el) => (globalThis as unknown as Styled).getComputedStyle(el).backgroundColor);
    expect(headerColour).toBe('rgb(11, 83, 148)');

    await page.getByRole('textbox', { name: /^เรื่อง/ }).fill('ท่อระบายน้ำอุดตัน');
    await page.getByLabel('รายละเอียด').fill('ท่อระบายน้ำหน้าตลาดอุดตัน น้ำท่วมขังทุกครั้งที่ฝนตก');
    await page.getByLabel('ชื่อ-นามสกุล').fill('สมชาย ใจดี');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'ส่งเรื่องร้องเรียน' }).click();

    const shown = (await page.getByTestId('tracking-code').textContent())?.trim() ?? '';
    expect(new URL(page.url()).origin).toBe(base);
    const [{ tracking_code: stored }] = await t.db.query('SELECT tracking_code FROM cases');
    expect(shown.replace(/-/g, '')).toBe(stored);
    await page.close();
  });
});
