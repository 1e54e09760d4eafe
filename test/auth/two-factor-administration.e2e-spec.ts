import request from 'supertest';
import { ManualClock } from '../../src/common/time/clock';
import { bearer, completeEnrolment, forgetSecondFactor, STAFF, totpCodeAt } from '../support/auth';
import { TEST_PASSWORD } from '../support/constants';
import { startTestApp, TestApp } from '../support/test-app';
import { Accounts, atSecond, auditOf, login, me } from './accounts';

const STEP_MS = 30_000;

describe('two-factor sign-in: who must use it, voluntary enrolment, and the administrator’s reset', () => {
  let t: TestApp;
  let admin: string;
  const clock = new ManualClock(atSecond(35));
  const accounts = new Accounts(() => t);

  beforeAll(async () => {
    t = await startTestApp({ AUTH_SIGN_IN_RATE_LIMIT: '1000' }, { clock });
    admin = await bearer(t, STAFF.admin);
  });
  afterAll(async () => {
    await accounts.removeAll();
    await t.db.query(`DELETE FROM settings WHERE key = 'security'`);
    await forgetSecondFactor(t, STAFF.integrity);
    await t.close();
  });

  const code = (secret: string) => totpCodeAt(secret, clock.now());
  const reset = (id: string, auth = admin) => request(t.http).post(`/api/v1/users/${id}/otp/reset`).set('Authorization', auth);
  const startEnrolment = (token: string, password: string) =>
    request(t.http).post('/api/v1/auth/otp/enrolment').set('Authorization', `Bearer ${token}`).send({ password });

  it('makes the seeded integrity officer enrol at first sign-in; the test helpers do it and sign in again with codes', async () => {
    await forgetSecondFactor(t, STAFF.integrity);
    const first = await login(t, { email: STAFF.integrity, password: TEST_PASSWORD }).expect(403);
    expect(first.body.code).toBe('otp_enrolment_required');
    await completeEnrolment(t, STAFF.integrity, first.body.enrolmentToken);
    clock.advance(STEP_MS);
    const twice = [await bearer(t, STAFF.integrity), await bearer(t, STAFF.integrity)];
    for (const token of twice) await request(t.http).get('/api/v1/auth/me').set('Authorization', token).expect(200);
  });

  it('resets a user’s second factor: their tokens end, they enrol again, and the audit log says who did it', async () => {
    const a = await accounts.create('integrity');
    const { enrolmentToken } = (await login(t, { email: a.email }).expect(403)).body;
    const { accessToken } = await completeEnrolment(t, a.email, enrolmentToken);
    await me(t, accessToken).expect(200);
    const listed = (await request(t.http).get('/api/v1/users?role=integrity').set('Authorization', admin).expect(200)).body.items;
    expect(listed.find((u: { id: string }) => u.id === a.id).otpEnrolled).toBe(true);

    const centre = await bearer(t, STAFF.center);
    await reset(a.id, centre).expect(403);
    const res = await reset(a.id).expect(200);
    expect(res.body).toMatchObject({ id: a.id, otpEnrolled: false });
    await me(t, accessToken).expect(401);
    const [{ codes }] = await t.db.query(`SELECT count(*)::int AS codes FROM user_recovery_codes WHERE user_id = $1`, [a.id]);
    expect(codes).toBe(0);

    clock.advance(STEP_MS);
    expect((await login(t, { email: a.email }).expect(403)).body.code).toBe('otp_enrolment_required');
    const [{ id: adminId }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [STAFF.admin]);
    expect((await auditOf(t, a.id)).filter((r) => r.action === 'otp_reset')).toEqual([
      expect.objectContaining({ actor_id: adminId }),
    ]);
    await reset('00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('makes a role the administrator adds to otpRequiredRoles enrol at its next sign-in', async () => {
    const a = await accounts.create('executive');
    await login(t, { email: a.email }).expect(200);
    await request(t.http).patch('/api/v1/settings').set('Authorization', admin).send({ security: { otpRequiredRoles: ['integrity', 'executive'] } }).expect(200);
    try {
      expect((await login(t, { email: a.email }).expect(403)).body.code).toBe('otp_enrolment_required');
    } finally {
      await request(t.http).patch('/api/v1/settings').set('Authorization', admin).send({ security: { otpRequiredRoles: ['integrity'] } }).expect(200);
    }
    await login(t, { email: a.email }).expect(200);
  });

  it('lets anyone else enrol of their own accord, with their password, once', async () => {
    const a = await accounts.create('officer');
    const { accessToken } = (await login(t, { email: a.email }).expect(200)).body;
    const wrong = await startEnrolment(accessToken, 'not-my-password').expect(400);
    expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'password', code: 'wrongPassword' })]);
    await request(t.http).post('/api/v1/auth/otp/enrolment').send({ password: 'x' }).expect(401);

    const started = await startEnrolment(accessToken, 'a-long-enough-passphrase').expect(201);
    expect(started.body).toEqual({ enrolmentToken: expect.any(String), expiresIn: 600 });
    const { secret } = await completeEnrolment(t, a.email, started.body.enrolmentToken);

    clock.advance(STEP_MS);
    expect((await login(t, { email: a.email }).expect(401)).body.code).toBe('otp_required');
    await login(t, { email: a.email, otp: code(secret) }).expect(200);
    await startEnrolment(accessToken, 'a-long-enough-passphrase').expect(409);

    // A reset lets an officer go back to a password alone: the role does not require a second factor.
    await reset(a.id).expect(200);
    await login(t, { email: a.email }).expect(200);
  });

  it('describes the sign-in answers and the new endpoints in the OpenAPI document', async () => {
    const doc = (await request(t.http).get('/api/docs-json').expect(200)).body;
    const loginResponses = doc.paths['/api/v1/auth/login'].post.responses;
    const schema = (status: string) => doc.components.schemas[loginResponses[status].content['application/json'].schema.$ref.split('/').pop()];
    expect(schema('401').properties.code.enum).toContain('otp_required');
    expect(schema('403').properties).toMatchObject({ code: { enum: ['otp_enrolment_required'] }, enrolmentToken: expect.any(Object) });
    expect(loginResponses['429'].headers).toHaveProperty('Retry-After');
    expect(doc.components.schemas.LoginDto.properties).toHaveProperty('otp');
    for (const path of ['/api/v1/auth/otp/enrol', '/api/v1/auth/otp/confirm', '/api/v1/auth/otp/enrolment', '/api/v1/users/{id}/otp/reset']) {
      expect(doc.paths[path]?.post).toBeDefined();
    }
    expect(doc.components.schemas.EnrolledDto.properties).toHaveProperty('recoveryCodes');
    expect(doc.components.schemas.OtpSecretDto.required).toEqual(expect.arrayContaining(['secret', 'otpauthUri']));
  });
});
