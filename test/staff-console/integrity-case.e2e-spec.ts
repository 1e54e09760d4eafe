import request from 'supertest';
import { bearer, STAFF } from '../support/auth';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { caseIdOf, fileReport, receiptBearer, TEST_POW_DIFFICULTY } from '../whistleblower/channel';
import { signedIn } from './console-client';

describe('the integrity officer’s case page', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ WHISTLEBLOWER_POW_DIFFICULTY: TEST_POW_DIFFICULTY });
    await resetCases(t.db);
  });
  afterAll(async () => {
    await resetCases(t.db);
    await t?.close();
  });

  it('shows the report, the messages both ways, the corruption steps, and reveals the identity for a recorded reason', async () => {
    const filed = await fileReport(t, { identity: { name: 'นางผู้แจ้ง ลับมาก', email: 'secret@example.com' } });
    const id = await caseIdOf(t, filed.referenceNo);
    await request(t.http)
      .post('/api/v1/whistleblower/report/messages')
      .set('Authorization', await receiptBearer(t, filed.receiptCode))
      .send({ body: 'มีหลักฐานเพิ่มเติมเป็นภาพถ่าย' })
      .expect(201);

    const integrity = await signedIn(t, STAFF.integrity);
    const page = (await integrity.get(`/staff/cases/${id}`).expect(200)).text;
    expect(page).toContain('นายสมมติ ทดสอบ');
    expect(page).toMatch(/class="from-reporter"[\s\S]*?มีหลักฐานเพิ่มเติมเป็นภาพถ่าย/);
    expect(page).toContain('value="investigate"');
    expect(page).not.toContain('ลับมาก');

    await integrity.post(`/staff/cases/${id}`, { action: 'message', message: 'ขอบคุณ โปรดส่งภาพถ่ายมาทางช่องทางนี้' }, 303);
    await integrity.post(`/staff/cases/${id}`, { action: 'investigate', message: 'เริ่มสืบสวนข้อเท็จจริง' }, 303);
    const concluded = await integrity.post(`/staff/cases/${id}`, { action: 'conclude', outcome: 'substantiated', message: 'มีมูล' }, 303);
    expect(concluded.headers.location).toBe(`/staff/cases/${id}?done=conclude`);
    expect((await t.db.query(`SELECT status FROM cases WHERE id = $1`, [id]))[0].status).toBe('resolved');
    const after = (await integrity.get(`/staff/cases/${id}`).expect(200)).text;
    expect(after).toMatch(/class="from-officer"[\s\S]*?ขอบคุณ โปรดส่งภาพถ่าย/);

    const noReason = await integrity.post(`/staff/cases/${id}/reveal`, { reason: ' ' }, 400, `/staff/cases/${id}`);
    expect(noReason.text).toContain('กรุณากรอกช่องนี้');
    const revealed = await integrity.post(`/staff/cases/${id}/reveal`, { reason: 'ต้องสอบปากคำพยาน' }, 200, `/staff/cases/${id}`);
    expect(revealed.text).toMatch(/data-testid="revealed-name">นางผู้แจ้ง ลับมาก</);
    expect(revealed.headers['cache-control']).toBe('no-store');
    const audit = await t.db.query(`SELECT reason FROM audit_log WHERE action = 'identity_reveal' AND case_id = $1`, [id]);
    expect(audit).toEqual([{ reason: 'ต้องสอบปากคำพยาน' }]);

    // Nobody else sees the case, or the form.
    await (await signedIn(t, STAFF.center)).get(`/staff/cases/${id}`).expect(404);
    await (await signedIn(t, STAFF.center)).post(`/staff/cases/${id}/reveal`, { reason: 'x' }, 403, '/staff');
  });

  it('shows a reveal waiting for a second person’s approval as such, without the identity', async () => {
    const admin = await bearer(t, STAFF.admin);
    const settings = (body: object) => request(t.http).patch('/api/v1/settings').set('Authorization', admin).send(body).expect(200);
    await settings({ identity: { revealNeedsApproval: true } });
    try {
      const filed = await fileReport(t, { identity: { name: 'ผู้แจ้ง รออนุมัติ' } });
      const id = await caseIdOf(t, filed.referenceNo);
      const integrity = await signedIn(t, STAFF.integrity);
      const pending = await integrity.post(`/staff/cases/${id}/reveal`, { reason: 'ต้องติดต่อกลับ' }, 200, `/staff/cases/${id}`);
      expect(pending.text).toContain('รอผู้มีอำนาจอีกคนอนุมัติ');
      expect(pending.text).not.toContain('ผู้แจ้ง รออนุมัติ');
    } finally {
      await settings({ identity: { revealNeedsApproval: false } });
    }
  });
});
