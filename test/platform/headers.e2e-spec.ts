import request from 'supertest';
import { bearer, STAFF } from '../support/auth';
import { registerCase } from '../support/cases';
import { TEST_PASSWORD } from '../support/constants';
import { complaintBody } from '../support/factories';
import { resetCases, startTestApp, TestApp } from '../support/test-app';

describe('caching', () => {
  let t: TestApp;
  let center: string;

  beforeAll(async () => {
    t = await startTestApp();
    await resetCases(t.db);
    center = await bearer(t, STAFF.center);
  });
  afterAll(() => t.close());

  it('stores no answer that carries personal data or a secret', async () => {
    const { id } = await registerCase(t, center);
    const filed = await request(t.http).post('/api/v1/complaints').send(complaintBody()).expect(201);
    const code = filed.body.trackingCode as string;
    const answers: Array<[string, request.Response]> = [
      ['filing', filed],
      ['queue', await request(t.http).get('/api/v1/cases').set('Authorization', center).expect(200)],
      ['case', await request(t.http).get(`/api/v1/cases/${id}`).set('Authorization', center).expect(200)],
      ['refused registration', await request(t.http).post('/api/v1/cases').set('Authorization', center).send({}).expect(400)],
      ['sign-in', await request(t.http).post('/api/v1/auth/login').send({ email: STAFF.center, password: TEST_PASSWORD }).expect(200)],
      ['failed sign-in', await request(t.http).post('/api/v1/auth/login').send({ email: STAFF.center, password: 'wrong-password' }).expect(401)],
      ['me', await request(t.http).get('/api/v1/auth/me').set('Authorization', center).expect(200)],
      ['tracking API', await request(t.http).get(`/api/v1/complaints/track/${code}`).expect(200)],
      ['tracking page', await request(t.http).get(`/track?code=${code}`).expect(200)],
      [
        'filed page',
        await request(t.http)
          .post('/complaints/new')
          .type('form')
          .send({ subject: 'ไฟดับ', description: 'ไฟดับสามคืน', 'complainant.name': 'สมศรี', consent: 'yes' })
          .expect(201),
      ],
      ['unknown API route', await request(t.http).get('/api/v1/nothing-here').expect(404)],
    ];
    for (const [what, res] of answers) {
      expect({ what, cacheControl: res.headers['cache-control'] }).toEqual({ what, cacheControl: 'no-store' });
    }
  });

  it('lets the stylesheet be cached', async () => {
    const css = await request(t.http).get('/assets/app.css').expect(200);
    expect(css.headers['cache-control']).toBe('public, max-age=3600');
  });
});

describe('transport security follows PUBLIC_BASE_URL', () => {
  it('over http: no HSTS and no upgrade of requests to https', async () => {
    const t = await startTestApp({ PUBLIC_BASE_URL: 'http://192.0.2.10:3000' });
    try {
      const res = await request(t.http).get('/complaints/new').expect(200);
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
    } finally {
      await t.close();
    }
  });

  it('over https: HSTS and upgrade-insecure-requests', async () => {
    const t = await startTestApp({ PUBLIC_BASE_URL: 'https://rongrian.example.go.th' });
    try {
      const res = await request(t.http).get('/complaints/new').expect(200);
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      expect(res.headers['x-frame-options']).toBe('DENY');
    } finally {
      await t.close();
    }
  });
});
