import type { Browser, Request } from 'playwright-core';
import request from 'supertest';
import { act } from '../support/cases';
import { bearer, STAFF } from '../support/auth';
import { launchBrowser, listenOnLoopback } from '../support/browser';
import { resetCases, startTestApp, TestApp } from '../support/test-app';

/**
 * A whistleblower in a real browser: the page's own script solves the proof
 * of work (the limit without one is set to 1 here, so a second report goes
 * through only if the script did its work), the receipt is shown once, and
 * the follow-up page shows the officer's message and takes a reply, with no
 * cookie and no request leaving our origin.
 */
describe('reporting and following up in a real browser', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ WHISTLEBLOWER_POW_DIFFICULTY: '12', WHISTLEBLOWER_NO_POW_LIMIT: '1' });
    base = await listenOnLoopback(t);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await resetCases(t.db);
    await t?.close();
  });

  it('files with the page’s proof of work, shows the receipt once, and follows up with it', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (r: Request) => {
      if (!r.url().startsWith(base)) foreign.push(r.url());
    });

    await page.goto(`${base}/`);
    await page.locator('a[href="/report"]').first().click();
    await page.getByRole('heading', { name: 'แจ้งเบาะแสการทุจริตและประพฤติมิชอบ' }).waitFor();
    await page.getByText('ระบบไม่บันทึกที่อยู่ไอพี').waitFor();
    await page.getByText('ไฟล์เอกสาร (PDF, Word, Excel) อาจมีชื่อผู้สร้าง').first().waitFor();
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/report-form.png`, fullPage: true });
    // Nothing wider than a phone: the Thai text wraps.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    for (const n of [1, 2]) {
      if (n === 2) await page.goto(`${base}/report`);
      await page.getByRole('textbox', { name: /^เรื่องที่แจ้ง/ }).fill(`เรียกรับเงินค่าอนุญาต ${n}`);
      await page.getByRole('textbox', { name: /^รายละเอียด/ }).fill('เจ้าหน้าที่เรียกรับเงินห้าพันบาทเพื่อออกใบอนุญาตเร็วขึ้น');
      await page.getByLabel('ตำแหน่ง').fill('นายช่าง');
      await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();
      await page.getByRole('heading', { name: 'ส่งเรื่องแล้ว' }).waitFor();
    }
    const receipt = (await page.getByTestId('receipt-code').textContent())?.trim() ?? '';
    expect(receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM cases WHERE kind = 'corruption' AND channel = 'web'`);
    expect(n).toBe(2);
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/report-filed.png`, fullPage: true });

    // The officer answers; the whistleblower reads it and replies.
    const [{ id: caseId }] = await t.db.query(`SELECT id FROM cases WHERE subject = 'เรียกรับเงินค่าอนุญาต 2'`);
    const integrity = await bearer(t, STAFF.integrity);
    await act(t, integrity, caseId, { action: 'investigate', message: 'เริ่มสืบสวนแล้ว' }).expect(200);
    await act(t, integrity, caseId, { action: 'message', message: 'ขอทราบวันเวลาที่เรียกรับเงิน' }).expect(200);

    await page.getByRole('link', { name: 'ไปหน้าติดตามเรื่อง' }).click();
    await page.getByRole('textbox', { name: /รหัสรับแจ้ง/ }).fill('0000 0000 0000 0000');
    await page.getByRole('button', { name: 'เปิดดูเรื่อง' }).click();
    await page.getByText('ไม่พบเรื่องที่มีรหัสนี้').first().waitFor();
    await page.getByRole('textbox', { name: /รหัสรับแจ้ง/ }).fill(receipt);
    await page.getByRole('button', { name: 'เปิดดูเรื่อง' }).click();
    await page.getByText('ขอทราบวันเวลาที่เรียกรับเงิน').waitFor();
    expect(await page.getByTestId('report-status').textContent()).toBe('อยู่ระหว่างดำเนินการ');
    await page.getByText('อยู่ระหว่างสืบสวนข้อเท็จจริง').waitFor();
    expect(page.url()).not.toContain(receipt.replace(/ /g, ''));

    await page.getByRole('textbox', { name: /เขียนถึงเจ้าหน้าที่/ }).fill('วันที่ 1 ตุลาคม ช่วงบ่าย');
    await page.getByRole('button', { name: 'ส่งข้อความ' }).click();
    await page.getByText('ส่งข้อความแล้ว').waitFor();
    await page.getByText('วันที่ 1 ตุลาคม ช่วงบ่าย').waitFor();
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/report-follow-up.png`, fullPage: true });

    const detail = await request(t.http).get(`/api/v1/cases/${caseId}`).set('Authorization', integrity).expect(200);
    expect(detail.body.timeline).toContainEqual(expect.objectContaining({ action: 'whistleblower_message', message: 'วันที่ 1 ตุลาคม ช่วงบ่าย' }));

    expect(await context.cookies()).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('still files without JavaScript, under the stricter limit', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/report?lang=en`);
    // (A <noscript> note tells such a reader; Chromium parses it as if scripts ran even when they are switched off here.)
    await page.getByRole('textbox', { name: /^Subject/ }).fill('Kickbacks on the road contract');
    await page.getByRole('textbox', { name: /^Details/ }).fill('The contractor pays the inspector');
    await page.getByRole('button', { name: 'Send the report' }).click();
    await page.getByRole('heading', { name: 'Report sent' }).waitFor();

    await page.goto(`${base}/report?lang=en`);
    await page.getByRole('textbox', { name: /^Subject/ }).fill('A second one');
    await page.getByRole('textbox', { name: /^Details/ }).fill('More');
    const refused = page.waitForResponse((r) => r.url().endsWith('/report') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Send the report' }).click();
    expect((await refused).status()).toBe(429);
    await page.getByText('Too many').first().waitFor();
    expect(await page.getByRole('textbox', { name: /^Details/ }).inputValue()).toBe('More');
    await context.close();
  });
});
