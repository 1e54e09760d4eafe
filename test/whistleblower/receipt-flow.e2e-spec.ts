import request from 'supertest';
import { act } from '../support/cases';
import { bearer, STAFF } from '../support/auth';
import { TEST_PASSWORD } from '../support/constants';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { solve, solves } from '../../src/modules/whistleblower/proof-of-work';
import { caseIdOf, fileReport, receiptBearer, reportBody, TEST_POW_DIFFICULTY } from './channel';

describe('the whistleblower channel: receipt, report, messages both ways', () => {
  let t: TestApp;
  let integrity: string;

  beforeAll(async () => {
    t = await startTestApp({ WHISTLEBLOWER_POW_DIFFICULTY: TEST_POW_DIFFICULTY });
    integrity = await bearer(t, STAFF.integrity);
  });
  afterAll(async () => {
    await resetCases(t.db);
    await t.close();
  });

  it('lets the integrity officer in only with the second factor', async () => {
    const withoutCode = await request(t.http).post('/api/v1/auth/login').send({ email: STAFF.integrity, password: TEST_PASSWORD }).expect(401);
    expect(withoutCode.body.code).toBe('otp_required');
    await request(t.http).post('/api/v1/auth/login').send({ email: STAFF.integrity, password: TEST_PASSWORD, otp: '000000' }).expect(401);
  });

  it('files a report and shows the receipt once, in groups of four, with a corruption reference number', async () => {
    const filed = await fileReport(t);
    expect(filed.receiptCode).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(filed.referenceNo).toMatch(/^C-25\d\d-\d{6}$/);
    const [row] = await t.db.query(
      `SELECT c.kind, c.channel, c.tracking_code AS "trackingCode", p.anonymous, p.vaulted FROM cases c JOIN complainants p ON p.id = c.complainant_id WHERE c.reference_no = $1`,
      [filed.referenceNo],
    );
    expect(row).toEqual({ kind: 'corruption', channel: 'web', trackingCode: null, anonymous: true, vaulted: false });
    const [receive] = await t.db.query(`SELECT actor_id AS "actorId", actor_role AS role FROM case_events WHERE action = 'receive' ORDER BY id DESC LIMIT 1`);
    expect(receive).toEqual({ actorId: null, role: 'whistleblower' });
  });

  it('opens the report with the receipt, whatever spaces or dashes it is typed with, and not with a wrong one', async () => {
    const filed = await fileReport(t);
    const auth = await receiptBearer(t, filed.receiptCode.replace(/ /g, '-'));
    const report = await request(t.http).get('/api/v1/whistleblower/report').set('Authorization', auth).expect(200);
    expect(report.body).toMatchObject({ referenceNo: filed.referenceNo, status: 'received', overdue: false, messages: [], attachments: 0 });
    expect(report.body.timeline).toEqual([expect.objectContaining({ action: 'receive', status: 'received' })]);

    const digits = filed.receiptCode.replace(/ /g, '');
    const wrong = `${digits.slice(0, 15)}${(Number(digits[15]) + 1) % 10}`;
    const refused = await request(t.http).post('/api/v1/whistleblower/access').send({ receiptCode: wrong }).expect(401);
    expect(refused.body).toMatchObject({ statusCode: 401, message: 'No report has this receipt code' });
    const malformed = await request(t.http).post('/api/v1/whistleblower/access').send({ receiptCode: '1234' }).expect(400);
    expect(malformed.body.details).toEqual([expect.objectContaining({ field: 'receiptCode' })]);
  });

  it('carries messages both ways: the whistleblower to the officer on the case timeline, the officer back with `message`', async () => {
    const filed = await fileReport(t);
    const auth = await receiptBearer(t, filed.receiptCode);
    const caseId = await caseIdOf(t, filed.referenceNo);

    const sent = await request(t.http)
      .post('/api/v1/whistleblower/report/messages')
      .set('Authorization', auth)
      .send({ body: 'มีหลักฐานเป็นสลิปโอนเงินเพิ่มเติม' })
      .expect(201);
    expect(sent.body).toMatchObject({ from: 'whistleblower', body: 'มีหลักฐานเป็นสลิปโอนเงินเพิ่มเติม' });

    const detail = await request(t.http).get(`/api/v1/cases/${caseId}`).set('Authorization', integrity).expect(200);
    expect(detail.body.timeline).toContainEqual(
      expect.objectContaining({ action: 'whistleblower_message', public: false, message: 'มีหลักฐานเป็นสลิปโอนเงินเพิ่มเติม', actor: null }),
    );
    expect(detail.body.allowedActions).toEqual(expect.arrayContaining(['message', 'investigate']));
    const details = await request(t.http).get(`/api/v1/cases/${caseId}/whistleblower-report`).set('Authorization', integrity).expect(200);
    expect(details.body).toEqual({
      accused: { name: 'นายสมมติ ทดสอบ', position: 'นายช่างโยธา', department: 'กองช่าง' },
      incidentDate: '2026-10-01',
    });
    // Only the integrity role has the endpoint at all: 403 whatever the id, so it confirms nothing.
    await request(t.http).get(`/api/v1/cases/${caseId}/whistleblower-report`).set('Authorization', await bearer(t, STAFF.center)).expect(403);

    await act(t, integrity, caseId, { action: 'message', message: 'ขอบคุณ กรุณาแนบสลิปผ่านหน้าติดตามเรื่อง' }).expect(200);
    await act(t, integrity, caseId, { action: 'note', message: 'บันทึกภายใน ห้ามผู้แจ้งเห็น' }).expect(200);
    await act(t, integrity, caseId, { action: 'investigate', message: 'เริ่มสืบสวนข้อเท็จจริงแล้ว' }).expect(200);

    const report = await request(t.http).get('/api/v1/whistleblower/report').set('Authorization', auth).expect(200);
    expect(report.body.status).toBe('in_progress');
    expect(report.body.messages).toEqual([
      expect.objectContaining({ from: 'whistleblower', body: 'มีหลักฐานเป็นสลิปโอนเงินเพิ่มเติม' }),
      expect.objectContaining({ from: 'integrity', body: 'ขอบคุณ กรุณาแนบสลิปผ่านหน้าติดตามเรื่อง' }),
    ]);
    expect(report.body.timeline.map((e: { action: string }) => e.action)).toEqual(['receive', 'investigate']);
    expect(JSON.stringify(report.body)).not.toContain('บันทึกภายใน');
  });

  it('records the outcome and keeps disciplinary follow-up internal', async () => {
    const filed = await fileReport(t);
    const caseId = await caseIdOf(t, filed.referenceNo);
    await act(t, integrity, caseId, { action: 'investigate' }).expect(200);
    await act(t, integrity, caseId, { action: 'conclude' }).expect(400);
    const concluded = await act(t, integrity, caseId, { action: 'conclude', outcome: 'substantiated', message: 'มีมูล' }).expect(200);
    expect(concluded.body.status).toBe('resolved');
    await act(t, integrity, caseId, { action: 'discipline', message: 'ตั้งกรรมการสอบสวนวินัย' }).expect(200);
    const detail = await request(t.http).get(`/api/v1/cases/${caseId}`).set('Authorization', integrity).expect(200);
    expect(detail.body.timeline).toContainEqual(expect.objectContaining({ action: 'conclude', outcome: 'substantiated', public: true }));
    expect(detail.body.timeline).toContainEqual(expect.objectContaining({ action: 'discipline', public: false }));

    const report = await request(t.http).get('/api/v1/whistleblower/report').set('Authorization', await receiptBearer(t, filed.receiptCode)).expect(200);
    expect(report.body.timeline).toContainEqual(expect.objectContaining({ action: 'conclude', outcome: 'substantiated', status: 'resolved' }));
    expect(JSON.stringify(report.body)).not.toContain('ตั้งกรรมการ');

    const referred = await fileReport(t);
    const referredId = await caseIdOf(t, referred.referenceNo);
    await act(t, integrity, referredId, { action: 'investigate' }).expect(200);
    const sent = await act(t, integrity, referredId, { action: 'conclude', outcome: 'referred_nacc' }).expect(200);
    expect(sent.body).toMatchObject({ status: 'referred', referredTo: expect.stringContaining('NACC') });
  });

  it('has nothing to reveal for an anonymous report, and a refused request reveals nothing', async () => {
    const anonymous = await caseIdOf(t, (await fileReport(t)).referenceNo);
    const none = await request(t.http).post(`/api/v1/cases/${anonymous}/identity/reveal`).set('Authorization', integrity).send({ reason: 'ตรวจสอบ' }).expect(404);
    expect(none.body.message).toMatch(/no identity/);

    const admin = await bearer(t, STAFF.admin);
    const named = await caseIdOf(t, (await fileReport(t, { identity: { name: 'ผู้แจ้ง ทดสอบ', email: 'tester@example.com' } })).referenceNo);
    await request(t.http).patch('/api/v1/settings').set('Authorization', admin).send({ identity: { revealNeedsApproval: true } }).expect(200);
    try {
      const asked = await request(t.http).post(`/api/v1/cases/${named}/identity/reveal`).set('Authorization', integrity).send({ reason: 'อยากรู้' }).expect(202);
      const requestId = asked.body.requestId;
      const withoutReason = await request(t.http).post(`/api/v1/identity-reveals/${requestId}/refuse`).set('Authorization', admin).send({}).expect(400);
      expect(withoutReason.body.details).toEqual([expect.objectContaining({ field: 'reason' })]);
      const refused = await request(t.http).post(`/api/v1/identity-reveals/${requestId}/refuse`).set('Authorization', admin).send({ reason: 'เหตุผลไม่เพียงพอ' }).expect(200);
      expect(refused.body).toMatchObject({ id: requestId, status: 'refused' });
      // Refused: asking again files a new request, and still reveals nothing.
      const again = await request(t.http).post(`/api/v1/cases/${named}/identity/reveal`).set('Authorization', integrity).send({ reason: 'ขอใหม่' }).expect(202);
      expect(again.body.requestId).not.toBe(requestId);
      const audit = await request(t.http).get('/api/v1/audit?limit=100').set('Authorization', admin).expect(200);
      expect(audit.body.items).toContainEqual(expect.objectContaining({ action: 'identity_reveal_refused', caseId: named, reason: 'เหตุผลไม่เพียงพอ' }));
      await request(t.http).post(`/api/v1/identity-reveals/00000000-0000-4000-8000-000000000000/approve`).set('Authorization', admin).send({}).expect(404);
    } finally {
      await request(t.http).patch('/api/v1/settings').set('Authorization', admin).send({ identity: { revealNeedsApproval: false } }).expect(200);
    }
  });

  it('never lets a receipt token pass for a staff token, nor the other way round', async () => {
    const filed = await fileReport(t);
    const auth = await receiptBearer(t, filed.receiptCode);
    await request(t.http).get('/api/v1/cases').set('Authorization', auth).expect(401);
    await request(t.http).get(`/api/v1/cases/${await caseIdOf(t, filed.referenceNo)}`).set('Authorization', auth).expect(401);
    await request(t.http).get('/api/v1/whistleblower/report').set('Authorization', integrity).expect(401);
    await request(t.http).post('/api/v1/whistleblower/report/messages').set('Authorization', integrity).send({ body: 'x' }).expect(401);
    await request(t.http).get('/api/v1/whistleblower/report').expect(401);
  });

  it('takes each proof-of-work challenge once, and only a nonce that solves it', async () => {
    const body = await reportBody(t);
    await request(t.http).post('/api/v1/whistleblower/reports').send(body).expect(201);
    const again = await request(t.http).post('/api/v1/whistleblower/reports').send(body).expect(400);
    expect(again.body.details).toEqual([expect.objectContaining({ field: 'pow.id', code: 'unknownChallenge' })]);

    const challenge = (await request(t.http).get('/api/v1/whistleblower/challenge').expect(200)).body;
    expect(challenge).toMatchObject({ difficulty: Number(TEST_POW_DIFFICULTY), salt: expect.stringMatching(/^[0-9a-f]{32}$/) });
    let wrongNonce = 0;
    while (solves(challenge.salt, String(wrongNonce), challenge.difficulty)) wrongNonce++;
    const wrong = await request(t.http)
      .post('/api/v1/whistleblower/reports')
      .send({ ...body, pow: { id: challenge.id, nonce: String(wrongNonce) } })
      .expect(400);
    expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'pow.nonce', code: 'wrongNonce' })]);
    // Spent by the wrong answer: the right one comes too late.
    const right = solve(challenge.salt, challenge.difficulty);
    await request(t.http).post('/api/v1/whistleblower/reports').send({ ...body, pow: { id: challenge.id, nonce: right } }).expect(400);
  });

  it('refuses bad input with the field that is wrong, and writes nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM cases');
    const res = await request(t.http)
      .post('/api/v1/whistleblower/reports')
      .send(await reportBody(t, { subject: '', identity: { email: 'not-an-email' } }))
      .expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['subject', 'identity.name', 'identity.email']));
    expect(await t.db.query('SELECT count(*)::int AS n FROM cases')).toEqual(before);
  });
});
