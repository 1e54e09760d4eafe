import request from 'supertest';
import { staffTokens, STAFF } from '../support/auth';
import { act, departmentId, registerCase, userId } from '../support/cases';
import { SmtpSink } from '../support/smtp-sink';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { thaiReferenceNo } from '../../src/modules/cases';

const acknowledgementSubject = (ref: string) => `ได้รับเรื่องร้องเรียนของท่านแล้ว เลขที่ ${ref}`;
const progressSubject = (ref: string, status: string) => `ความคืบหน้าเรื่องร้องเรียน เลขที่ ${ref}: ${status}`;
const assignmentSubject = (ref: string) => `เรื่องร้องเรียน เลขที่ ${ref} ส่งถึงท่าน`;

describe('the workflow, end to end', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let tok: Awaited<ReturnType<typeof staffTokens>>;
  let works: string;
  let finance: string;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    t = await startTestApp({ SMTP_URL: smtp.url });
    tok = await staffTokens(t);
    works = await departmentId(t, 'works');
    finance = await departmentId(t, 'finance');
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  beforeEach(() => resetCases(t.db));

  it('carries a letter complaint through every role, keeping the timeline and telling the complainant', async () => {
    const receivedAt = new Date(Date.now() - 5 * 24 * 3600 * 1000);
    const citizen = 'letter.writer@example.com';
    const filed = await registerCase(t, tok.center, {
      channel: 'letter',
      receivedAt: receivedAt.toISOString(),
      letterNo: 'ชม 52/2569',
      letterDate: '2026-11-10',
      subject: 'ถนนทรุดหน้าวัด',
      complainant: { name: 'พระครู ใจดี', email: citizen },
    });
    expect(Date.parse(filed.dueAt) - receivedAt.getTime()).toBe(15 * 24 * 3600 * 1000);
    expect(filed.referenceNo).toMatch(/^G-25\d\d-000001$/);

    const worksOfficer = await userId(t, STAFF.works);
    const steps: Array<[string, Record<string, unknown>, string]> = [
      [tok.center, { action: 'accept' }, 'accepted'],
      [tok.center, { action: 'assign', departmentId: works, assigneeId: worksOfficer }, 'assigned'],
      [tok.works, { action: 'start' }, 'in_progress'],
      [tok.works, { action: 'note', message: 'โทรคุยกับผู้ร้องแล้ว เสียงดังมาก' }, 'in_progress'],
      [tok.works, { action: 'update', message: 'ช่างสำรวจพื้นที่แล้ว' }, 'in_progress'],
      [tok.works, { action: 'explain', message: 'รอผู้รับจ้าง', expectedAt: new Date(Date.now() + 20 * 86400e3).toISOString() }, 'in_progress'],
      [tok.worksHead, { action: 'share', departmentId: finance, message: 'ขอให้กองคลังตรวจงบซ่อม' }, 'in_progress'],
      [tok.finance, { action: 'note', message: 'งบซ่อมถนนยังเหลือพอ' }, 'in_progress'],
      [tok.works, { action: 'resolve', message: 'ซ่อมผิวถนนเรียบร้อยแล้ว' }, 'resolved'],
      [tok.center, { action: 'close' }, 'closed'],
    ];
    for (const [auth, body, status] of steps) {
      const res = await act(t, auth, filed.id, body);
      expect({ action: body.action, status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({
        action: body.action,
        status: 200,
        body: undefined,
      });
      expect(res.body.status).toBe(status);
    }

    const detail = (await request(t.http).get(`/api/v1/cases/${filed.id}`).set('Authorization', tok.center).expect(200)).body;
    expect(detail).toMatchObject({
      channel: 'letter',
      letterNo: 'ชม 52/2569',
      letterDate: '2026-11-10',
      department: { code: 'works', name: 'กองช่าง' },
      assignee: { id: worksOfficer },
      sharedWith: [{ code: 'finance' }],
      complainant: { anonymous: false, email: citizen },
      allowedActions: ['note', 'reopen'],
    });
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual([
      'receive', 'accept', 'assign', 'start', 'note', 'update', 'explain', 'share', 'note', 'resolve', 'close',
    ]);
    expect(detail.timeline[3]).toMatchObject({ fromStatus: 'assigned', toStatus: 'in_progress', public: true, actor: { role: 'officer' } });
    expect(detail.timeline[4]).toMatchObject({ public: false, actor: { id: worksOfficer, role: 'officer' } });
    expect(detail.timeline[8].actor.role).toBe('officer');

    // The citizen's view: public events only, the division named, no officer.
    const tracked = (await request(t.http).get(`/api/v1/complaints/track/${filed.trackingCode}`).expect(200)).body;
    expect(tracked.timeline.map((e: { action: string }) => e.action)).toEqual([
      'receive', 'accept', 'assign', 'start', 'update', 'explain', 'resolve', 'close',
    ]);
    expect(tracked.timeline[2].department).toEqual({ name: 'กองช่าง', nameEn: 'Public Works Division' });
    const publicText = JSON.stringify(tracked);
    for (const secret of ['เสียงดังมาก', 'งบซ่อม', 'เจ้าหน้าที่กองช่าง', worksOfficer, 'officer']) {
      expect(publicText).not.toContain(secret);
    }

    const page = await request(t.http).get(`/track?code=${filed.trackingCode}`).expect(200);
    expect(page.text).toContain('หน่วยงานที่รับผิดชอบ: กองช่าง');
    expect(page.text).toContain('ช่างสำรวจพื้นที่แล้ว');
    expect(page.text).toContain('คาดว่าจะแล้วเสร็จภายใน');
    expect(page.text).not.toContain('เสียงดังมาก');
    expect(page.text).not.toContain('เจ้าหน้าที่กองช่าง');

    // Mail: the complainant hears of the filing, acceptance, progress, explanation, outcome and closing,
    // never of internal notes; the officer of the assignment, and the division it is shared with.
    const ref = filed.referenceNo;
    const citizenMails = await smtp.waitForExactly(citizen, [
      acknowledgementSubject(ref),
      progressSubject(ref, 'รับพิจารณาแล้ว'),
      progressSubject(ref, 'อยู่ระหว่างดำเนินการ'),
      progressSubject(ref, 'อยู่ระหว่างดำเนินการ'),
      progressSubject(ref, 'ดำเนินการแล้วเสร็จ'),
      progressSubject(ref, 'ยุติเรื่อง'),
    ]);
    expect(citizenMails.map((m) => m.text).join('\n')).not.toContain('เสียงดังมาก');
    await smtp.waitForExactly(STAFF.works, [assignmentSubject(ref)]);
    const [financeMail] = await smtp.waitForExactly(STAFF.finance, [assignmentSubject(ref)]);
    expect(financeMail.text).toContain('ร่วมดำเนินการ');

    // Reopen within 30 days of closing.
    const reopened = await act(t, tok.center, filed.id, { action: 'reopen', message: 'ผู้ร้องแจ้งว่าถนนทรุดอีก' }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'in_progress', closedAt: null, resolvedAt: null });
  });

  it('answers 409 with the allowed actions when the status does not permit the action', async () => {
    const c = await registerCase(t, tok.center);
    const res = await act(t, tok.center, c.id, { action: 'close' }).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    expect(res.body.allowedActions.sort()).toEqual(
      ['accept', 'assign', 'explain', 'merge', 'note', 'refer', 'reject', 'update', 'withdraw'].sort(),
    );
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1', [c.id]);
    expect(n).toBe(1);
  });

  it('refuses actions outside the role with 403, and bad inputs with 400 naming the field', async () => {
    const c = await registerCase(t, tok.center);
    await act(t, tok.center, c.id, { action: 'assign', departmentId: works }).expect(200);
    const officerClose = await act(t, tok.works, c.id, { action: 'refer', agency: 'การประปาส่วนภูมิภาค' }).expect(403);
    expect(officerClose.body.allowedActions).toEqual(expect.arrayContaining(['start', 'note']));
    await act(t, tok.executive, c.id, { action: 'note', message: 'x' }).expect(403);

    const noReason = await act(t, tok.center, c.id, { action: 'resolve' }).expect(400);
    expect(noReason.body.details).toEqual([expect.objectContaining({ field: 'message', code: 'required' })]);
    const foreign = await act(t, tok.center, c.id, { action: 'start', agency: 'x' }).expect(400);
    expect(foreign.body.details).toEqual([expect.objectContaining({ field: 'agency', code: 'notApplicable' })]);
    const unknown = await act(t, tok.center, c.id, { action: 'teleport' }).expect(400);
    expect(unknown.body.details[0].field).toBe('action');
    const badAssignee = await act(t, tok.center, c.id, { action: 'assign', departmentId: works, assigneeId: await userId(t, STAFF.finance) }).expect(400);
    expect(badAssignee.body.details[0].field).toBe('assigneeId');
    const headElsewhere = await act(t, tok.worksHead, c.id, { action: 'assign', departmentId: finance }).expect(400);
    expect(headElsewhere.body.details[0].field).toBe('departmentId');
  });

  it('requires a reason to reject, shows it publicly, and emails it', async () => {
    const citizen = 'rejected@example.com';
    const c = await registerCase(t, tok.center, { complainant: { name: 'ก ข', email: citizen } });
    await act(t, tok.center, c.id, { action: 'reject', message: 'เป็นเรื่องระหว่างเอกชน ไม่อยู่ในอำนาจเทศบาล' }).expect(200);
    const tracked = (await request(t.http).get(`/api/v1/complaints/track/${c.trackingCode}`).expect(200)).body;
    expect(tracked).toMatchObject({ status: 'rejected', overdue: false });
    expect(tracked.timeline[1]).toMatchObject({ status: 'rejected', message: 'เป็นเรื่องระหว่างเอกชน ไม่อยู่ในอำนาจเทศบาล' });
    // The acknowledgement with the tracking code, and the rejection with the reason: the queue may deliver them in either order.
    const [ack, rejection] = await smtp.waitForExactly(citizen, [
      acknowledgementSubject(c.referenceNo),
      progressSubject(c.referenceNo, 'ไม่รับพิจารณา'),
    ]);
    expect(ack.text).toContain(`/track?code=${c.trackingCode}`);
    expect(rejection.text).toContain('ไม่อยู่ในอำนาจเทศบาล');
  });

  it('serialises parallel actions on one case: no lost update, one winner for a transition', async () => {
    const c = await registerCase(t, tok.center);
    const accepts = await Promise.all(Array.from({ length: 6 }, () => act(t, tok.center, c.id, { action: 'accept' })));
    expect(accepts.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);

    const notes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => act(t, tok.center, c.id, { action: 'note', message: `บันทึก ${i}` })),
    );
    expect(notes.every((r) => r.status === 200)).toBe(true);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND action = 'note'`, [c.id]);
    expect(n).toBe(12);
  });

  it('merges a duplicate: its tracking code shows its own timeline and the surviving case’s status, never its messages', async () => {
    const original = await registerCase(t, tok.center, { complainant: { name: 'มานี ใจดี', email: 'manee@example.com' } });
    const duplicate = await registerCase(t, tok.center, { complainant: { name: 'ปิติ ชูใจ', email: 'piti@example.com' } });
    await act(t, tok.center, duplicate.id, { action: 'merge', targetCaseId: duplicate.id }).expect(400);
    await act(t, tok.center, duplicate.id, { action: 'merge', targetCaseId: original.id, message: 'เรื่องเดียวกัน' }).expect(200);
    await act(t, tok.center, original.id, { action: 'accept' }).expect(200);
    await act(t, tok.center, original.id, { action: 'update', message: 'คุณมานี โปรดส่งรูปเพิ่ม' }).expect(200);

    const tracked = (await request(t.http).get(`/api/v1/complaints/track/${duplicate.trackingCode}`).expect(200)).body;
    expect(tracked).toMatchObject({
      referenceNo: duplicate.referenceNo,
      status: 'merged',
      mergedInto: { referenceNo: original.referenceNo, status: 'accepted' },
    });
    expect(tracked.timeline.map((e: { action: string }) => e.action)).toEqual(['receive', 'merge']);
    expect(JSON.stringify(tracked)).not.toContain('มานี');
    const page = await request(t.http).get(`/track?code=${duplicate.trackingCode}`).expect(200);
    expect(page.text).toContain(thaiReferenceNo(original.referenceNo));
    expect(page.text).not.toContain('มานี');
    const target = (await request(t.http).get(`/api/v1/cases/${original.id}`).set('Authorization', tok.center)).body;
    expect(target.timeline.map((e: { action: string }) => e.action)).toContain('merged_in');
  });

  it('never emails an anonymous complainant, and says the case is anonymous', async () => {
    const c = await registerCase(t, tok.center, { complainant: undefined, anonymous: true, channel: 'complaint_box' });
    await act(t, tok.center, c.id, { action: 'accept' }).expect(200);
    const detail = (await request(t.http).get(`/api/v1/cases/${c.id}`).set('Authorization', tok.center)).body;
    expect(detail.complainant).toEqual({ anonymous: true });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE case_id = $1`, [c.id]);
    expect(n).toBe(0);
  });
});
