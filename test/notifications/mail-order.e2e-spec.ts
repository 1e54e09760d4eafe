import request from 'supertest';
import { staffTokens } from '../support/auth';
import { act, departmentId } from '../support/cases';
import { complaintBody } from '../support/factories';
import { SmtpSink } from '../support/smtp-sink';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

describe('a complainant’s mails about one case', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let tok: Awaited<ReturnType<typeof staffTokens>>;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    t = await startTestApp({ SMTP_URL: smtp.url });
    tok = await staffTokens(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  beforeEach(() => resetCases(t.db));

  it('arrive in the order their events happened, however fast the events come', async () => {
    const body = complaintBody();
    const email = (body.complainant as { email: string }).email;
    const filed = (await request(t.http).post('/api/v1/complaints').send(body).expect(201)).body;
    const [{ id }] = await t.db.query(`SELECT id FROM cases WHERE reference_no = $1`, [filed.referenceNo]);
    const works = await departmentId(t, 'works');
    for (const step of [
      { action: 'accept' },
      { action: 'assign', departmentId: works },
      { action: 'update', message: 'ช่างออกสำรวจ' },
      { action: 'resolve', message: 'เปลี่ยนหลอดไฟแล้ว' },
      { action: 'close' },
    ]) {
      await act(t, tok.center, id, step).expect(200);
    }
    // acknowledgement, accept, update, resolve, close: assign is public but not mailed.
    const mails = await waitFor(() => (smtp.to(email).length === 5 ? smtp.to(email) : undefined), { what: 'five mails', timeoutMs: 20_000 });
    expect(mails.map((m) => m.subject)).toEqual([
      expect.stringContaining('ได้รับเรื่องร้องเรียนของท่านแล้ว'),
      expect.stringContaining('รับพิจารณาแล้ว'),
      expect.stringContaining('ส่งให้หน่วยงานรับผิดชอบแล้ว'),
      expect.stringContaining('ดำเนินการแล้วเสร็จ'),
      expect.stringContaining('ยุติเรื่อง'),
    ]);
    await waitFor(async () => (await t.db.query(`SELECT 1 FROM notifications WHERE status <> 'sent'`)).length === 0, {
      what: 'every notice marked sent',
    });
  });
});
