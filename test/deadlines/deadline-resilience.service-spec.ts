import { appRedisPrefix } from '../support/redis-keys';
import { STALLS_ALLOWED } from '../../src/jobs/worker-shutdown';
import { DeadlineDigest } from '../../src/modules/deadlines/deadline-digest.service';
import { DeadlinesProcessor } from '../../src/modules/deadlines/deadlines.processor';
import { NotificationsProcessor } from '../../src/modules/notifications/notifications.processor';
import { timerJobId } from '../../src/modules/deadlines/deadline-plan';
import { STAFF } from '../support/auth';
import { freePort, SmtpSink } from '../support/smtp-sink';
import { resetCases } from '../support/test-app';
import { startTestContext, TestContext } from '../support/test-context';
import { waitFor } from '../support/wait-for';
import { DAY, deadlinesQueue, outbox, registerReceived, RunningClock, wipeRedisPrefix } from './deadline-fixtures';

const NOTICE_SUBJECT = 'ครบกำหนด 15 วัน';
const quickMail = { MAIL_RETRY_DELAY_MS: '100', MAIL_MAX_ATTEMPTS: '30' };

describe('deadline timers when processes stop, mail servers fail and workers compete', () => {
  const contexts: TestContext[] = [];
  let smtp: SmtpSink | undefined;

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    await smtp?.stop();
    smtp = undefined;
  });

  const start = async (env: Record<string, string>, clock = new RunningClock()) => {
    const t = await startTestContext({ ...quickMail, ...env }, { workers: true, clock });
    contexts.push(t);
    return t;
  };
  const notices = (email: string) => smtp!.to(email).filter((m) => m.subject?.includes(NOTICE_SUBJECT));

  it('a timer set before the worker stopped fires after it starts again', async () => {
    smtp = await new SmtpSink().start();
    const prefix = appRedisPrefix();
    const first = await start({ SMTP_URL: smtp.url, REDIS_PREFIX: prefix });
    await resetCases(first.db);
    // Due four seconds from now, on a real delayed job.
    const c = await registerReceived(first, new Date(Date.now() - 15 * DAY + 4_000));
    const jobId = timerJobId(c.id, { occasion: 'deadline', dueAt: c.dueAt });
    await waitFor(async () => (await (await deadlinesQueue(first).getJob(jobId))?.getState()) === 'delayed', { what: 'the delayed timer' });
    await first.close();
    contexts.splice(contexts.indexOf(first), 1);
    expect(notices(c.email)).toEqual([]);

    const second = await start({ SMTP_URL: smtp.url, REDIS_PREFIX: prefix });
    await waitFor(() => notices(c.email)[0], { what: 'the deadline notice from the restarted worker', timeoutMs: 20_000 });
    await waitFor(async () => (await outbox(second, 'deadline_notice'))[0]?.status === 'sent', { what: 'sent' });
    expect(notices(c.email)).toHaveLength(1);
  });

  it('a mail server that is down delays the notice, and it is delivered once the server is back', async () => {
    const port = await freePort();
    const t = await start({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    await resetCases(t.db);
    const c = await registerReceived(t, new Date(Date.now() - 16 * DAY));
    // The acknowledgement goes first (a case's mails to one person keep their order), and fails.
    await waitFor(async () => (await t.db.query(`SELECT 1 FROM notifications WHERE recipient = $1 AND attempts > 0`, [c.email])).length > 0, {
      what: 'a failed attempt',
    });
    await waitFor(async () => (await outbox(t, 'deadline_notice'))[0]?.status === 'pending', { what: 'the notice waiting in the outbox' });

    smtp = await new SmtpSink().start(port);
    await waitFor(() => notices(c.email)[0], { what: 'the notice after the outage', timeoutMs: 25_000 });
    await waitFor(async () => (await outbox(t, 'deadline_notice'))[0].status === 'sent', { what: 'sent' });
    expect(notices(c.email)).toHaveLength(1);
    expect(smtp.to(c.email).map((m) => m.subject)).toEqual([expect.stringContaining('ได้รับเรื่องร้องเรียนของท่านแล้ว'), expect.stringContaining(NOTICE_SUBJECT)]);
  });

  it('an emptied Redis under a running worker: a mail whose job went with it goes at the next look at the schedules', async () => {
    const port = await freePort();
    const prefix = appRedisPrefix();
    const t = await start({ SMTP_URL: `smtp://127.0.0.1:${port}`, REDIS_PREFIX: prefix });
    await resetCases(t.db);
    const c = await registerReceived(t, new Date());
    // The mail server is down: the acknowledgement's job is retrying when Redis is emptied.
    await waitFor(async () => (await t.db.query(`SELECT 1 FROM notifications WHERE recipient = $1 AND attempts > 0`, [c.email])).length > 0, {
      what: 'a failed attempt',
    });
    await wipeRedisPrefix(prefix);
    smtp = await new SmtpSink().start(port);
    // The row is minutes younger than the routine reconciler's staleness: only the repair after the emptied Redis sends it.
    await waitFor(() => smtp!.to(c.email)[0], { what: 'the acknowledgement after the flush', timeoutMs: 40_000 });
    await waitFor(async () => (await outbox(t, 'acknowledgement'))[0]?.status === 'sent', { what: 'sent' });
    expect(smtp.to(c.email)).toHaveLength(1);
  });

  it('takes a job up again each time its process died under it, up to the bound, not once as BullMQ would', async () => {
    const t = await start({});
    // A stall is a process that died mid-job: the handlers are idempotent, so it is no reason to fail the job.
    for (const processor of [t.app.get(NotificationsProcessor), t.app.get(DeadlinesProcessor)]) {
      expect(processor.worker.opts.maxStalledCount).toBe(STALLS_ALLOWED);
    }
    expect(STALLS_ALLOWED).toBeGreaterThan(1);
  });

  it('two workers on one Redis and one database deliver each notice once', async () => {
    smtp = await new SmtpSink().start();
    const prefix = appRedisPrefix();
    const a = await start({ SMTP_URL: smtp.url, REDIS_PREFIX: prefix });
    const b = await start({ SMTP_URL: smtp.url, REDIS_PREFIX: prefix });
    await resetCases(a.db);
    expect(await deadlinesQueue(a).getWorkersCount()).toBe(2);
    const cases: Array<Awaited<ReturnType<typeof registerReceived>>> = [];
    for (let i = 0; i < 12; i++) cases.push(await registerReceived(i % 2 ? a : b, new Date(Date.now() - 16 * DAY - i * 60_000)));
    await waitFor(() => cases.every((c) => notices(c.email).length > 0), { what: 'every notice', timeoutMs: 25_000 });
    await waitFor(async () => (await outbox(a)).every((n) => n.status === 'sent'), { what: 'every mail sent', timeoutMs: 25_000 });
    for (const c of cases) expect(notices(c.email)).toHaveLength(1);
    // The centre hears of each case's deadline once.
    const escalations = smtp.to(STAFF.center).filter((m) => m.subject?.startsWith('เกินกำหนด 15 วัน'));
    expect(escalations).toHaveLength(cases.length);
    const [{ n }] = await a.db.query(`SELECT count(*)::int AS n FROM case_events WHERE action = 'overdue'`);
    expect(n).toBe(cases.length);
  });

  it('sends the morning digest once a day to the centre and the heads with something due', async () => {
    smtp = await new SmtpSink().start();
    const t = await start({ SMTP_URL: smtp.url });
    await resetCases(t.db);
    const overdue = await registerReceived(t, new Date(Date.now() - 16 * DAY));
    const soon = await registerReceived(t, new Date(Date.now() - 13 * DAY));
    const digest = t.app.get(DeadlineDigest);
    expect(await digest.send()).toBe(1); // the centre only: neither case has a department yet
    expect(await digest.send()).toBe(1);
    expect(await outbox(t, 'deadline_digest')).toHaveLength(1);
    const mail = await waitFor(() => smtp!.to(STAFF.center).find((m) => m.subject?.startsWith('สรุปเรื่องร้องเรียน')), { what: 'the digest' });
    expect(mail.text).toContain('เกินกำหนดแล้ว (1)');
    expect(mail.text).toContain(overdue.referenceNo);
    expect(mail.text).toContain('ครบกำหนดภายใน 3 วัน (1)');
    expect(mail.text).toContain(soon.referenceNo);
    expect(mail.text).not.toContain('มานี'); // staff mail: no complainant's name
  });
});
