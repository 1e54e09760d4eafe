import type { Browser } from 'playwright-core';
import { launchBrowser, listenOnLoopback } from '../support/browser';
import { resetCases, startTestApp, TestApp } from '../support/test-app';

describe('filing in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp();
    base = await listenOnLoopback(t);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(() => resetCases(t.db));

  it('fills the form on a phone-sized screen, reads back the tracking code and tracks with it', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'ยื่นเรื่องร้องเรียนออนไลน์' }).click();

    await page.getByRole('textbox', { name: /^เรื่อง/ }).fill('ไฟถนนดับหน้าตลาด');
    await page.getByLabel('ประเภทเรื่อง').selectOption('street_lights');
    await page.getByLabel('รายละเอียด').fill('ไฟถนนดับสามดวงติดกัน ตั้งแต่วันจันทร์');
    await page.getByLabel('ชื่อ-นามสกุล').fill('สมหญิง ใจดี');
    await page.getByLabel('อีเมล').fill('somying@example.com');

    // Forgetting the consent box brings the form back with what was typed.
    await page.getByRole('button', { name: 'ส่งเรื่องร้องเรียน' }).click();
    await page.getByText('กรุณาให้ความยินยอมก่อนส่งเรื่อง').first().waitFor();
    expect(await page.getByLabel('รายละเอียด').inputValue()).toBe('ไฟถนนดับสามดวงติดกัน ตั้งแต่วันจันทร์');
    // The reader lands on what to fix.
    expect(await page.locator(':focus').getAttribute('id')).toBe('error-summary');
    // The heading has room above it (the menu bar does not touch it).
    const mainTop = await page.locator('main').boundingBox();
    const h1Top = await page.locator('h1').first().boundingBox();
    expect((h1Top?.y ?? 0) - (mainTop?.y ?? 0)).toBeGreaterThanOrEqual(16);

    // Switching language keeps what was typed, and the form comes back in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'File a complaint' }).waitFor();
    expect(await page.getByLabel('Details').inputValue()).toBe('ไฟถนนดับสามดวงติดกัน ตั้งแต่วันจันทร์');
    await page.getByRole('button', { name: 'ภาษาไทย' }).click();
    await page.getByRole('heading', { name: 'ยื่นเรื่องร้องเรียน' }).waitFor();

    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'ส่งเรื่องร้องเรียน' }).click();

    const shown = (await page.getByTestId('tracking-code').textContent())?.trim() ?? '';
    expect(shown).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{3}$/);
    const [{ tracking_code: stored }] = await t.db.query('SELECT tracking_code FROM cases');
    expect(shown.replace(/-/g, '')).toBe(stored);
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/filed.png`, fullPage: true });

    // Followed up without the code ever in the address bar (a shared phone keeps its history).
    await page.getByRole('button', { name: 'ดูสถานะเรื่อง' }).click();
    await page.getByText('รับเรื่องแล้ว').first().waitFor();
    expect(page.url()).not.toContain(stored);
    expect(await page.getByTestId('reference-no').textContent()).toMatch(/^G-25\d\d-000001$/);
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/track.png`, fullPage: true });
    await page.close();
  });
});
