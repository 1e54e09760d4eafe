import request from 'supertest';
import { MetricsService } from '../../src/modules/metrics/metrics.service';
import { staffTokens } from '../support/auth';
import { registerCase } from '../support/cases';
import { complaintBody } from '../support/factories';
import { resetCases, startTestApp, TestApp } from '../support/test-app';

describe('Prometheus metrics', () => {
  let t: TestApp;
  let metricsUrl: string;

  beforeAll(async () => {
    // No mail server: the acknowledgement stays pending in the outbox.
    t = await startTestApp({ WORKERS_ENABLED: 'false' });
    await resetCases(t.db);
    const address = t.app.get(MetricsService).address();
    if (!address) throw new Error('metrics server did not start');
    expect(address.address).toBe('127.0.0.1');
    metricsUrl = `http://127.0.0.1:${address.port}`;
  });
  afterAll(() => t.close());

  const scrape = async () => (await request(metricsUrl).get('/metrics').expect(200)).text;

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
