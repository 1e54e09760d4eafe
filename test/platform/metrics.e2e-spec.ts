import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { QUEUES } from '../../src/jobs/job-catalogue';
import { MetricsService } from '../../src/modules/metrics/metrics.service';
import { staffTokens } from '../support/auth';
import { registerCase } from '../support/cases';
import { complaintBody } from '../support/factories';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

function metricsUrlOf(t: TestApp): string {
  const address = t.app.get(MetricsService).address();
  if (!address) throw new Error('metrics server did not start');
  expect(address.address).toBe('127.0.0.1');
  return `http://127.0.0.1:${address.port}`;
}

const scrapeOf = async (url: string) => (await request(url).get('/metrics').expect(200)).text;

describe('Prometheus metrics', () => {
  let t: TestApp;
  let metricsUrl: string;

  beforeAll(async () => {
    // No mail server: the acknowledgement stays pending in the outbox.
    t = await startTestApp({ WORKERS_ENABLED: 'false' });
    await resetCases(t.db);
    metricsUrl = metricsUrlOf(t);
  });
  afterAll(() => t.close());

  const scrape = () => scrapeOf(metricsUrl);

  it('counts requests by route pattern, never by the URL a citizen typed', async () => {
    const filed = (await request(t.http).post('/api/v1/complaints').send(complaintBody()).expect(201)).body;
    await request(t.http).get(`/api/v1/complaints/track/${filed.trackingCode}`).expect(200);
    const text = await scrape();
    expect(text).toMatch(/rongrian_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/complaints",status="201"\} 1/);
    expect(text).toContain('route="/api/v1/complaints/track/:trackingCode"');
    expect(text).not.toContain(filed.trackingCode);
  });

  it('tells the outbox, the queues and the overdue open cases as they are at the scrape', async () => {
    const tok = await staffTokens(t);
    await registerCase(t, tok.center, { receivedAt: new Date(Date.now() - 20 * 86400e3).toISOString() });
    const text = await scrape();
    expect(text).toMatch(/rongrian_outbox_notifications\{status="pending"\} [1-9]/);
    expect(text).toMatch(/rongrian_overdue_open_cases\{kind="general"\} 1\b/);
    expect(text).toMatch(/rongrian_queue_jobs\{queue="notifications",state="waiting"\} \d+/);
  });

  it('is not served on the public port', async () => {
    await request(t.http).get('/metrics').expect(404);
  });
});

describe('Prometheus metrics of the job workers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await resetCases(t.db);
  });
  afterAll(() => t.close());

  it('counts a failing deadline job, and not a timer sent back to wait for its moment', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.deadlines));
    const tok = await staffTokens(t);
    const c = await registerCase(t, tok.center);
    const failures = /rongrian_job_failures_total\{queue="deadlines",job="deadline.timer"\} (\d+)/;

    // Its deadline is 15 days away: the handler sends it back to wait.
    const early = await queue.add('deadline.timer', { caseId: c.id, dueAt: new Date(c.dueAt).getTime(), occasion: 'deadline' }, { jobId: `early-${c.id}` });
    await waitFor(async () => (await early.getState()) === 'delayed' && (await queue.getJob(early.id!))!.attemptsStarted > 0, {
      what: 'the early timer back in the delayed set',
    });
    expect(await scrapeOf(metricsUrlOf(t))).not.toMatch(failures);

    const broken = await queue.add('deadline.timer', { caseId: c.id, dueAt: 0, occasion: 'no-such-occasion' }, { jobId: `broken-${c.id}`, attempts: 1 });
    await waitFor(async () => (await broken.getState()) === 'failed', { what: 'the broken timer to fail' });
    expect(failures.exec(await scrapeOf(metricsUrlOf(t)))?.[1]).toBe('1');
  });
});
