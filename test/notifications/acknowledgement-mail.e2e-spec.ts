import request from 'supertest';
import { NotificationsService } from '../../src/modules/notifications/notifications.service';
import { complaintBody } from '../support/factories';
import { freePort, SmtpSink } from '../support/smtp-sink';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

async function outboxStatus(t: TestApp, recipient: string) {
  const [row] = await t.db.query('SELECT status, attempts, last_error FROM notifications WHERE recipient = $1', [recipient]);
  return row as { status: string; attempts: number; last_error: string | null } | undefined;
}

describe('acknowledgement email', () => {
  describe('with the mail server up', () => {
    let t: TestApp;
    let smtp: SmtpSink;

    beforeAll(async () => {
      smtp = await new SmtpSink().start();
      t = await startTestApp({ SMTP_URL: smtp.url });
    });
    afterAll(async () => {
      await t.close();
      await smtp.stop();
    });
    beforeEach(() => resetCases(t.db));

    it('is sent through the queue in Thai with the reference, tracking code, BE due date and link', async () => {
      const body = complaintBody();
      const email = (body.complainant as { email: string }).email;
      const filed = (await request(t.http).post('/api/v1/complaints').send(body).expect(201)).body;

      const mail = await smtp.waitForMail(email);
      expect(mail.subject).toBe(`ได้รับเรื่องร้องเรียนของท่านแล้ว เลขที่ ${filed.referenceNo}`);
      const code: string = filed.trackingCode;
      expect(mail.text).toContain(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);
      expect(mail.text).toContain(`http://rongrian.test/track?code=${code}`);
      expect(mail.text).toMatch(/กำหนดแจ้งผลหรือชี้แจงภายใน: \d{1,2} [ก-๙]+ 25\d\d/);
      expect(mail.html).toContain(filed.referenceNo);
      expect(mail.messageId).toMatch(/@rongrian\.test>$/);
      await waitFor(async () => (await outboxStatus(t, email))?.status === 'sent', { what: 'outbox row marked sent' });
    });

    it('is not sent when the complainant gave no email', async () => {
      const body = complaintBody({ complainant: { name: 'ไม่มีอีเมล', phone: '0812345678' } });
      await request(t.http).post('/api/v1/complaints').send(body).expect(201);
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM notifications');
      expect(n).toBe(0);
    });

    it('is delivered once even when the job runs twice', async () => {
      const body = complaintBody();
      const email = (body.complainant as { email: string }).email;
      await request(t.http).post('/api/v1/complaints').send(body).expect(201);
      await smtp.waitForMail(email);
      await waitFor(async () => (await outboxStatus(t, email))?.status === 'sent', { what: 'sent' });
      const [{ id }] = await t.db.query('SELECT id FROM notifications WHERE recipient = $1', [email]);
      await t.app.get(NotificationsService).deliver(id);
      expect(smtp.to(email)).toHaveLength(1);
    });

    it('queues again a pending notification whose job was lost', async () => {
      const body = complaintBody();
      const email = (body.complainant as { email: string }).email;
      await request(t.http).post('/api/v1/complaints').send(body).expect(201);
      await smtp.waitForMail(email);
      // The job marks its row sent just after the mail leaves: let it, or that mark overwrites the change below.
      await waitFor(async () => (await outboxStatus(t, email))?.status === 'sent', { what: 'sent' });

      // Simulate a lost job: the row is pending again, old, and Redis has no job for it.
      await t.db.query(
        `UPDATE notifications SET status = 'pending', created_at = now() - interval '10 minutes' WHERE recipient = $1`,
        [email],
      );
      const notifications = t.app.get(NotificationsService);
      await waitFor(async () => (await notifications.reconcile()) === 1, { what: 'reconciler to requeue' });
      await waitFor(() => smtp.to(email).length === 2, { what: 'second delivery' });
      await waitFor(async () => (await outboxStatus(t, email))?.status === 'sent', { what: 'sent' });
      expect(await notifications.reconcile()).toBe(0);
    });

    it('walks the whole backlog of pending notifications in one round, not only its first page', async () => {
      const emails: string[] = [];
      for (let i = 0; i < 3; i++) {
        const body = complaintBody();
        emails.push((body.complainant as { email: string }).email);
        await request(t.http).post('/api/v1/complaints').send(body).expect(201);
      }
      for (const email of emails) await waitFor(async () => (await outboxStatus(t, email))?.status === 'sent', { what: `${email} sent` });

      // Three lost jobs after an outage, and a round that reads two rows a page.
      await t.db.query(
        `UPDATE notifications SET status = 'pending', created_at = now() - interval '10 minutes' WHERE recipient = ANY($1)`,
        [emails],
      );
      const notifications = t.app.get(NotificationsService);
      await waitFor(async () => (await notifications.reconcile(undefined, 2)) >= 3, { what: 'one round to requeue all three' });
      for (const email of emails) {
        await waitFor(() => smtp.to(email).length === 2, { what: `second delivery to ${email}` });
        await waitFor(async () => (await outboxStatus(t, email))?.status === 'sent', { what: `${email} sent again` });
      }
    });

    it('gives up on a notification that has failed for a week, and says so in the outbox', async () => {
      const body = complaintBody();
      const email = (body.complainant as { email: string }).email;
      await request(t.http).post('/api/v1/complaints').send(body).expect(201);
      await smtp.waitForMail(email);
      await waitFor(async () => (await outboxStatus(t, email))?.status === 'sent', { what: 'sent' });
      await t.db.query(
        `UPDATE notifications SET status = 'pending', created_at = now() - interval '8 days' WHERE recipient = $1`,
        [email],
      );
      expect(await t.app.get(NotificationsService).reconcile()).toBe(0);
      expect(await outboxStatus(t, email)).toMatchObject({ status: 'failed', last_error: '(gave up)' });
    });
  });

  describe('with the mail server down', () => {
    let t: TestApp;
    let smtp: SmtpSink | undefined;
    let port: number;

    beforeAll(async () => {
      port = await freePort();
      t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_DELAY_MS: '200', MAIL_MAX_ATTEMPTS: '20' });
    });
    afterAll(async () => {
      await t.close();
      await smtp?.stop();
    });

    it('still files at once, and the mail goes out when the server comes back', async () => {
      const body = complaintBody();
      const email = (body.complainant as { email: string }).email;
      // The filing does not wait for the mail server: it answers while nothing listens on the SMTP port.
      await request(t.http).post('/api/v1/complaints').send(body).expect(201);

      await waitFor(async () => ((await outboxStatus(t, email))?.attempts ?? 0) >= 1, { what: 'a failed attempt' });
      expect((await outboxStatus(t, email))?.status).toBe('pending');

      smtp = await new SmtpSink().start(port);
      const mail = await smtp.waitForMail(email, 20_000);
      expect(mail.subject).toContain('ได้รับเรื่องร้องเรียนของท่านแล้ว');
      await waitFor(async () => (await outboxStatus(t, email))?.status === 'sent', { what: 'sent' });
    });
  });
});
