import request from 'supertest';
import { staffTokens } from '../support/auth';
import { registerCase } from '../support/cases';
import { SmtpSink } from '../support/smtp-sink';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

describe('deadline administration over HTTP', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let tok: Awaited<ReturnType<typeof staffTokens>>;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    t = await startTestApp({ SMTP_URL: smtp.url });
    tok = await staffTokens(t);
  });
  afterAll(async () => {
    await request(t.http).patch('/api/v1/settings').set('Authorization', tok.admin).send({ deadline: { mode: 'calendar' } });
    await t.db.query(`DELETE FROM holidays`);
    await t.close();
    await smtp.stop();
  });
  beforeEach(() => resetCases(t.db));

  it('lists the year’s holidays with their substitutes, and lets an admin add and remove one', async () => {
    const list = await request(t.http).get('/api/v1/holidays?year=2026').set('Authorization', tok.center).expect(200);
    expect(list.body.items).toEqual(expect.arrayContaining([
      { date: '2026-04-13', nameTh: 'วันสงกรานต์', nameEn: 'Songkran Festival', source: 'library' },
      expect.objectContaining({ date: '2026-06-01', source: 'substitute' }),
    ]));
    await request(t.http).post('/api/v1/holidays').set('Authorization', tok.center).send({ date: '2026-09-04', nameTh: 'พิเศษ', nameEn: 'Special' }).expect(403);
    const bad = await request(t.http).post('/api/v1/holidays').set('Authorization', tok.admin).send({ date: '2026-02-30', nameTh: 'x', nameEn: 'x' }).expect(400);
    expect(bad.body.details[0].field).toBe('date');
    await request(t.http).post('/api/v1/holidays').set('Authorization', tok.admin).send({ date: '2026-09-04', nameTh: 'วันหยุดพิเศษ', nameEn: 'Special holiday' }).expect(201);
    await request(t.http).post('/api/v1/holidays').set('Authorization', tok.admin).send({ date: '2026-09-04', nameTh: 'ซ้ำ', nameEn: 'Again' }).expect(409);
    const after = await request(t.http).get('/api/v1/holidays?year=2026').set('Authorization', tok.admin).expect(200);
    expect(after.body.items).toContainEqual({ date: '2026-09-04', nameTh: 'วันหยุดพิเศษ', nameEn: 'Special holiday', source: 'admin' });
    await request(t.http).delete('/api/v1/holidays/2026-09-04').set('Authorization', tok.admin).expect(204);
    await request(t.http).delete('/api/v1/holidays/2026-04-13').set('Authorization', tok.admin).expect(404);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action IN ('holiday_add', 'holiday_remove')`);
    expect(n).toBeGreaterThanOrEqual(2);
  });

  it('counts working days once the setting says so, and re-dates a case only when asked, audited', async () => {
    const calendar = await registerCase(t, tok.center, { receivedAt: new Date(Date.now() - 3600_000).toISOString() });
    await request(t.http).patch('/api/v1/settings').set('Authorization', tok.admin).send({ deadline: { mode: 'working' } }).expect(200);
    // Cases already registered keep their due date.
    const [{ due_at: unchanged }] = await t.db.query(`SELECT due_at FROM cases WHERE id = $1`, [calendar.id]);
    expect(unchanged.toISOString()).toBe(new Date(calendar.dueAt).toISOString());

    // Recounted on request: 15 working days are always at least three calendar weeks, and end on a working day.
    const redated = await request(t.http)
      .post(`/api/v1/cases/${calendar.id}/due-date`)
      .set('Authorization', tok.center)
      .send({ reason: 'นับใหม่เป็นวันทำการตามประกาศ' })
      .expect(200);
    const dueAt = new Date(redated.body.dueAt);
    expect(dueAt.getTime() - new Date(calendar.receivedAt).getTime()).toBeGreaterThanOrEqual(21 * 86400_000);
    expect(redated.body.previousDueAt).toBe(new Date(calendar.dueAt).toISOString());
    expect([0, 6]).not.toContain(new Date(dueAt.getTime() + 7 * 3600_000).getUTCDay());
    await request(t.http).post(`/api/v1/cases/${calendar.id}/due-date`).set('Authorization', tok.center).send({ reason: 'อีกครั้ง' }).expect(409);
    // A correction of the date of receipt that leaves the fiscal year is refused, naming the field.
    const away = await request(t.http)
      .post(`/api/v1/cases/${calendar.id}/due-date`)
      .set('Authorization', tok.center)
      .send({ receivedAt: new Date(Date.now() - 400 * 86400_000).toISOString(), reason: 'ผิดปี' })
      .expect(400);
    expect(away.body.details[0]).toMatchObject({ field: 'receivedAt', code: 'fiscalYear' });
    await request(t.http).post(`/api/v1/cases/${calendar.id}/due-date`).set('Authorization', tok.works).send({ reason: 'x' }).expect(403);
    const [line] = await t.db.query(`SELECT public, message FROM case_events WHERE case_id = $1 AND action = 'redate'`, [calendar.id]);
    expect(line).toEqual({ public: false, message: 'นับใหม่เป็นวันทำการตามประกาศ' });
    const [audit] = await t.db.query(`SELECT reason, details FROM audit_log WHERE action = 'due_date_change' AND case_id = $1`, [calendar.id]);
    expect(audit).toMatchObject({ reason: 'นับใหม่เป็นวันทำการตามประกาศ', details: { to: dueAt.toISOString() } });
    // The public answer shows the new date.
    const tracked = await request(t.http).get(`/api/v1/complaints/track/${calendar.trackingCode}`).expect(200);
    expect(tracked.body.dueAt).toBe(dueAt.toISOString());
  });

  it('lists failed mails with the address masked, and an admin puts one back in line', async () => {
    const c = await registerCase(t, tok.center);
    const [ack] = await waitFor(async () => {
      const rows = await t.db.query(`SELECT id, recipient FROM notifications WHERE case_id = $1 AND status = 'sent'`, [c.id]);
      return rows.length ? rows : undefined;
    }, { what: 'the acknowledgement sent' });
    // As if the server had refused it for good.
    await t.db.query(`UPDATE notifications SET status = 'failed', last_error = 'EENVELOPE 550 refused' WHERE id = $1`, [ack.id]);
    await request(t.http).get('/api/v1/notifications/failed').set('Authorization', tok.center).expect(403);
    const list = await request(t.http).get('/api/v1/notifications/failed').set('Authorization', tok.admin).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: ack.id, template: 'acknowledgement', referenceNo: c.referenceNo, lastError: 'EENVELOPE 550 refused' }),
    ]);
    expect(list.body.items[0].recipient).toMatch(/^c\*+@example\.com$/);
    expect(JSON.stringify(list.body)).not.toContain(ack.recipient);

    await request(t.http).post(`/api/v1/notifications/${ack.id}/retry`).set('Authorization', tok.admin).expect(200);
    await request(t.http).post(`/api/v1/notifications/${ack.id}/retry`).set('Authorization', tok.admin).expect(404);
    await waitFor(() => smtp.to(ack.recipient).length === 2, { what: 'the mail sent again' });
    await waitFor(async () => (await t.db.query(`SELECT status FROM notifications WHERE id = $1`, [ack.id]))[0].status === 'sent', { what: 'sent' });
    const [audit] = await t.db.query(`SELECT details FROM audit_log WHERE action = 'notification_retry' ORDER BY id DESC LIMIT 1`);
    expect(audit.details).toEqual({ notificationId: ack.id, template: 'acknowledgement' });
  });
});
