import request from 'supertest';
import { complaintBody } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('platform', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports Postgres and Redis healthy', async () => {
    const res = await request(t.http).get('/api/v1/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('serves the OpenAPI document and its UI', async () => {
    const doc = await request(t.http).get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/complaints', '/api/v1/complaints/track/{trackingCode}', '/api/v1/health']),
    );
    expect(Object.keys(doc.body.paths)).not.toContain('/complaints/new');
    const ui = await request(t.http).get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('sends security headers and no third-party sources', async () => {
    const res = await request(t.http).get('/').expect(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.text).not.toMatch(/(src|href)="https?:\/\//);
  });

  it('answers unknown API routes with the error contract', async () => {
    const res = await request(t.http).get('/api/v1/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('gives each response a request id, reusing a sane one from the caller', async () => {
    const res = await request(t.http).get('/api/v1/health').set('x-request-id', 'abc12345-test').expect(200);
    expect(res.headers['x-request-id']).toBe('abc12345-test');
    const fresh = await request(t.http).get('/api/v1/health').set('x-request-id', '<script>').expect(200);
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not limit requests when PUBLIC_RATE_LIMIT is 0', async () => {
    for (let i = 0; i < 5; i++) {
      await request(t.http).post('/api/v1/complaints').send(complaintBody()).expect(201);
    }
  });
});
