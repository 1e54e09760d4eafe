import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, DESKTOP, lookAtBothWidths } from '../support/accessibility';
import { STAFF } from '../support/auth';
import { launchBrowser, listenOnLoopback } from '../support/browser';
import { registerCase, resolveInWorks } from '../support/cases';
import { TEST_PASSWORD } from '../support/constants';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { tokensNow } from '../reports/clock-tokens';

const SHOTS = join(ARTIFACTS, 'console-admin');

/** Screenshots at both widths, and no axe violation at either. */
async function look(page: Page, name: string): Promise<void> {
  expect({ page: name, ...(await lookAtBothWidths(page, SHOTS, name)) }).toEqual({ page: name, desktop: [], phone: [] });
}

async function signIn(context: BrowserContext, base: string, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/staff/login`);
  await page.getByLabel('อีเมล').fill(email);
  await page.getByLabel('รหัสผ่าน').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((url) => url.pathname !== '/staff/login');
  return page;
}

describe('staff console in a real browser: the dashboard and the administration pages', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    t = await startTestApp();
    await resetCases(t.db);
    base = await listenOnLoopback(t);
    browser = await launchBrowser();
    const tokens = await tokensNow(t);
    const phone = await registerCase(t, tokens.center, { channel: 'phone' });
    await registerCase(t, tokens.center, { channel: 'letter' });
    await registerCase(t, tokens.center, { channel: 'walk_in' });
    await resolveInWorks(t, tokens, phone.id);
  });
  afterAll(async () => {
    await browser?.close();
    // The settings form saves every group: the environment's defaults come back for the next file.
    await t.db.query('DELETE FROM settings');
    await resetCases(t.db);
    await t?.close();
  });

  it('an executive lands on the dashboard, drills into the queue and downloads the XLSX', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
    const page = await signIn(context, base, STAFF.executive);
    expect(new URL(page.url()).pathname).toBe('/staff/dashboard');
    await page.getByRole('heading', { name: 'ภาพรวมสำหรับผู้บริหาร' }).waitFor();
    const yearReceived = await page.getByTestId('year-so-far').locator('[data-figure="received"]').textContent();
    expect(yearReceived).toBe('3');
    await look(page, 'dashboard');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'ดาวน์โหลด Excel (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const summary = book.getWorksheet('สรุป');
    // Twelve months, then the fiscal year's totals: the same figure as the dashboard's.
    expect(summary?.getRow(14).getCell(4).value).toBe(3);
    expect(summary?.getRow(1).getCell(4).value).toBe('รับเรื่อง');

    await page.locator('a[href="/staff?channel=phone"]').click();
    await page.waitForURL(`${base}/staff?channel=phone`);
    await context.close();
  });

  it('an administrator works through every administration page, each readable at both widths', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await signIn(context, base, STAFF.admin);
    const pages: Array<[string, string, string]> = [
      ['admin-users', '/staff/admin/users', 'ผู้ใช้'],
      ['admin-departments', '/staff/admin/departments', 'หน่วยงาน'],
      ['admin-categories', '/staff/admin/categories', 'ประเภทเรื่อง'],
      ['admin-holidays', '/staff/admin/holidays', 'วันหยุด'],
      ['admin-settings', '/staff/admin/settings', 'ตั้งค่าระบบ'],
      ['admin-audit', '/staff/admin/audit', 'บันทึกการใช้งาน'],
      ['admin-notifications', '/staff/admin/notifications', 'อีเมลที่ส่งไม่สำเร็จ'],
    ];
    for (const [name, path, heading] of pages) {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(heading) }).waitFor();
      await look(page, name);
    }

    // One edit page, and a form that comes back with its errors (they must pass axe too).
    await page.goto(`${base}/staff/admin/users`);
    await page.getByRole('link', { name: /แก้ไข .*กองช่าง|แก้ไข/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /แก้ไขผู้ใช้/ }).waitFor();
    await look(page, 'admin-user-edit');
    await page.goto(`${base}/staff/admin/settings`);
    await page.getByLabel('แจ้งเตือนก่อนครบกำหนด (วัน)').fill('3, 99');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.locator('#error-summary').waitFor();
    await look(page, 'admin-settings-error');
    await page.getByLabel('แจ้งเตือนก่อนครบกำหนด (วัน)').fill('3, 1');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.getByRole('status').filter({ hasText: 'บันทึกแล้ว' }).waitFor();
    await context.close();
  });
});
