import request from 'supertest';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES } from '../../src/jobs/job-catalogue';
import { RunningProcess, spawnEntryPoint } from '../support/child-process';
import { databaseUrl, workerDatabaseName } from '../support/databases';
import { complaintBody } from '../support/factories';
import { SmtpSink } from '../support/smtp-sink';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

describe('workers in their own process', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let worker: RunningProcess | undefined;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    t = await startTestApp({ SMTP_URL: smtp.url, WORKERS_ENABLED: 'false' });
    await resetCases(t.db);
  });
  afterAll(async () => {
    await worker?.stop();
    await t.close();
    await smtp.stop();
  });

  // A second process compiles the sources on start: slow on a busy machine, hence the long timeout.
  it('an HTTP server without workers files, and `npm run start:worker` alone sends the acknowledgement', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.notifications));
    expect(await queue.getWorkersCount()).toBe(0);
    const body = complaintBody();
    const email = (body.complainant as { email: string }).email;
    await request(t.http).post('/api/v1/complaints').send(body).expect(201);
    const [{ status }] = await t.db.query(`SELECT status FROM notifications WHERE recipient = $1`, [email]);
    expect(status).toBe('pending');

    worker = spawnEntryPoint('src/worker.ts', {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl(workerDatabaseName()),
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIX: t.config.redisPrefix,
      SMTP_URL: smtp.url,
      PUBLIC_BASE_URL: t.config.publicBaseUrl,
      LOG_LEVEL: 'warn',
    });
    await waitFor(async () => (await queue.getWorkersCount()) === 1, { what: 'the worker process on the queue', timeoutMs: 90_000 });
    const mail = await waitFor(() => smtp.to(email)[0], { what: `the acknowledgement (worker said: ${worker?.output})`, timeoutMs: 30_000 });
    expect(mail.subject).toContain('ได้รับเรื่องร้องเรียนของท่านแล้ว');
    await waitFor(async () => (await t.db.query(`SELECT 1 FROM notifications WHERE recipient = $1 AND status = 'sent'`, [email])).length > 0, {
      what: 'the row marked sent by the worker',
    });
    const exit = await worker.stop();
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
  }, 120_000);
});
