import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { ManualClock } from '../../src/common/time/clock';
import { bearer, STAFF } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { Accounts, login, me } from './accounts';

const SECRET = 'a-test-token-secret-that-is-long-enough-0123';
const jwt = new JwtService();

describe('access tokens', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-05-04T03:00:00Z'));
  const accounts = new Accounts(() => t);
  let userId: string;
  let email: string;

  beforeAll(async () => {
    t = await startTestApp({ AUTH_TOKEN_SECRET: SECRET, AUTH_TOKEN_TTL_SECONDS: '600' }, { clock });
    ({ id: userId, email } = await accounts.create('center'));
  });
  afterAll(async () => {
    await accounts.removeAll();
    await t.close();
  });

  const now = () => Math.floor(clock.now().getTime() / 1000);
  /** What the server itself would sign, less whatever a test leaves out. */
  const craft = (claims: Record<string, unknown>, options: { audience?: string; secret?: string } = {}) =>
    jwt.sign(claims, { secret: options.secret ?? SECRET, algorithm: 'HS256', issuer: 'rongrian', audience: options.audience ?? 'rongrian:staff' });
  const complete = () => ({ sub: userId, role: 'center', ver: 1, iat: now(), exp: now() + 600 });

  it('accepts a complete token signed with the secret (so the refusals below are about the claims)', async () => {
    await me(t, craft(complete())).expect(200);
  });

  it.each(['sub', 'exp', 'ver'])('refuses a token without %s', async (claim) => {
    const { [claim as keyof ReturnType<typeof complete>]: _left, ...rest } = complete();
    const res = await me(t, craft(rest)).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'unauthorized' });
  });

  it('refuses another audience, another key and the none algorithm', async () => {
    await me(t, craft(complete(), { audience: 'rongrian:otp-enrolment' })).expect(401);
    await me(t, craft(complete(), { secret: `${SECRET}-other` })).expect(401);
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ ...complete(), iss: 'rongrian', aud: 'rongrian:staff' }),
    ).toString('base64url')}.`;
    await me(t, unsigned).expect(401);
  });

  it('issues tokens by the application clock, and they expire by it', async () => {
    const res = await login(t, { email }).expect(200);
    const payload = JSON.parse(Buffer.from(res.body.accessToken.split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ sub: userId, iat: now(), exp: now() + 600, ver: 1, aud: 'rongrian:staff' });
    await me(t, res.body.accessToken).expect(200);
    clock.advance(599_000);
    await me(t, res.body.accessToken).expect(200);
    clock.advance(1000);
    await me(t, res.body.accessToken).expect(401);
  });

  it('ends every token issued before an administrator sets a new password', async () => {
    const before = (await login(t, { email }).expect(200)).body.accessToken;
    const admin = await bearer(t, STAFF.admin);
    await request(t.http).patch(`/api/v1/users/${userId}`).set('Authorization', admin).send({ displayName: 'ชื่อใหม่' }).expect(200);
    await me(t, before).expect(200);

    await request(t.http).patch(`/api/v1/users/${userId}`).set('Authorization', admin).send({ password: 'a-fresh-passphrase-2569' }).expect(200);
    const refused = await me(t, before).expect(401);
    expect(refused.body.message).toMatch(/password/);
    const after = (await login(t, { email, password: 'a-fresh-passphrase-2569' }).expect(200)).body.accessToken;
    await me(t, after).expect(200);
    const [{ token_version }] = await t.db.query(`SELECT token_version FROM users WHERE id = $1`, [userId]);
    expect(token_version).toBe(2);
  });
});
