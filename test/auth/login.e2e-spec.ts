import request from 'supertest';
import { STAFF, bearer } from '../support/auth';
import { TEST_PASSWORD } from '../support/constants';
import { startTestApp, TestApp } from '../support/test-app';

describe('POST /api/v1/auth/login', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ AUTH_MAX_FAILED_LOGINS: '3', AUTH_TOKEN_TTL_SECONDS: '600' });
  });
  afterAll(() => t.close());
  afterEach(() => t.db.query(`UPDATE users SET failed_logins = 0, locked_until = NULL, active = true`));

  it('issues a short-lived bearer token for the right password, whatever the email case', async () => {
    const res = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: 'Center@Example.go.th', password: TEST_PASSWORD })
      .expect(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 600 });
    const payload = JSON.parse(Buffer.from(res.body.accessToken.split('.')[1], 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(600);
    expect(payload).not.toHaveProperty('email');
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrong = await request(t.http).post('/api/v1/auth/login').send({ email: STAFF.works, password: 'nope' }).expect(401);
    const unknown = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.go.th', password: 'nope' })
      .expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 3; i++) {
      await request(t.http).post('/api/v1/auth/login').send({ email: STAFF.finance, password: 'guess' }).expect(401);
    }
    await request(t.http).post('/api/v1/auth/login').send({ email: STAFF.finance, password: TEST_PASSWORD }).expect(401);
    const [{ locked }] = await t.db.query(`SELECT locked_until > now() AS locked FROM users WHERE email = $1`, [STAFF.finance]);
    expect(locked).toBe(true);
  });

  it('validates the body', async () => {
    const res = await request(t.http).post('/api/v1/auth/login').send({ email: 'x' }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('refuses staff endpoints without a token, with a forged one, or after deactivation', async () => {
    await request(t.http).get('/api/v1/auth/me').expect(401);
    await request(t.http).get('/api/v1/auth/me').set('Authorization', 'Bearer not.a.token').expect(401);
    const token = await bearer(t, STAFF.works);
    const me = await request(t.http).get('/api/v1/auth/me').set('Authorization', token).expect(200);
    expect(me.body).toMatchObject({ email: STAFF.works, role: 'officer', departmentId: expect.any(String) });
    await t.db.query(`UPDATE users SET active = false WHERE email = $1`, [STAFF.works]);
    await request(t.http).get('/api/v1/auth/me').set('Authorization', token).expect(401);
  });
});
