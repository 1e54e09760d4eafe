import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, listenOnLoopback } from '../support/browser';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import * as sample from './sample-files';

describe('attaching files on the form in a real browser, without JavaScript', () => {
  let t: TestApp;
  let dir: string;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rongrian-attachments-'));
    t = await startTestApp({ ATTACHMENTS_DIR: dir });
    base = await listenOnLoopback(t);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => resetCases(t.db));

  it('refuses a disguised file beside the field, then files with a photo', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await page.goto(`${base}/complaints/new`);
    await page.getByRole('textbox', { name: /^เรื่อง/ }).fill('ขยะไม่ได้เก็บ');
    await page.getByLabel('รายละเอียด').fill('รถเก็บขยะไม่มาเก็บสองสัปดาห์แล้ว');
    await page.getByLabel('ชื่อ-นามสกุล').fill('สมศักดิ์ ใจดี');
    await page.getByRole('checkbox').check();

    await page.getByLabel('ไฟล์แนบ (ถ้ามี)').setInputFiles({ name: 'รูปขยะ.jpg', mimeType: 'image/jpeg', buffer: sample.svg() });
    await page.getByRole('button', { name: 'ส่งเรื่องร้องเรียน' }).click();
    await page.locator('#f-files-error').waitFor();
    expect(await page.locator('#f-files-error').textContent()).toContain('"รูปขยะ.jpg" ไม่ใช่ชนิดไฟล์ที่รับ');
    expect(await page.getByLabel('รายละเอียด').inputValue()).toBe('รถเก็บขยะไม่มาเก็บสองสัปดาห์แล้ว');
    expect(await page.getByRole('checkbox').isChecked()).toBe(true);
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/file-refused.png`, fullPage: true });

    const photo = sample.png();
    await page.getByLabel('ไฟล์แนบ (ถ้ามี)').setInputFiles({ name: 'รูปขยะ.png', mimeType: 'image/png', buffer: photo });
    await page.getByRole('button', { name: 'ส่งเรื่องร้องเรียน' }).click();
    await page.getByTestId('tracking-code').waitFor();
    expect(await page.getByText('แนบไฟล์แล้ว 1 ไฟล์').count()).toBe(1);

    const [row] = await t.db.query('SELECT file_name, media_type, storage_key FROM attachments');
    expect(row).toMatchObject({ file_name: 'รูปขยะ.png', media_type: 'image/png' });
    expect(Buffer.compare(await readFile(join(dir, row.storage_key)), photo)).toBe(0);
    await page.close();
  });
});
