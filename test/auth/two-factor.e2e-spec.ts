import request from 'supertest';
import { ManualClock } from '../../src/common/time/clock';
import { totpCodeAt } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { Account, Accounts, atSecond, auditOf, login, me } from './accounts';

const STEP_MS = 30_000;

describe('two-factor sign-in (TOTP)', () => {
  let t: TestApp;
  const clock = new ManualClock(atSecond(5));
  const accounts = new Accounts(() => t);

  beforeAll(async () => {
    t = await startTestApp({ AUTH_SIGN_IN_RATE_LIMIT: '1000' }, { clock });
  });
  afterAll(async () => {
    await accounts.removeAll();
    await t.close();
  });

  const enrol = (enrolmentToken: string) => request(t.http).post('/api/v1/auth/otp/enrol').send({ enrolmentToken });
  const confirm = (enrolmentToken: string, otp: string) => request(t.http).post('/api/v1/auth/otp/confirm').send({ enrolmentToken, otp });
  const code = (secret: string, offsetSteps = 0) => totpCodeAt(secret, new Date(clock.now().getTime() + offsetSteps * STEP_MS));
  const payloadOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

  /** An integrity officer (who must sign in with a second factor) through the whole enrolment. */
  async function enrolled(): Promise<Account & { secret: string; recoveryCodes: string[]; accessToken: string }> {
    const a = await accounts.create('integrity');
    const { enrolmentToken } = (await login(t, { email: a.email }).expect(403)).body;
    const { secret } = (await enrol(enrolmentToken).expect(200)).body;
    const { accessToken, recoveryCodes } = (await confirm(enrolmentToken, code(secret)).expect(200)).body;
    clock.advance(STEP_MS); // the confirming code's step is used up
    return { ...a, secret, recoveryCodes, accessToken };
  }

  it('asks an account whose role requires it to enrol, only once the password is right', async () => {
    const a = await accounts.create('integrity');
    const wrong = await login(t, { email: a.email, password: 'wrong-password' }).expect(401);
    const unknown = await login(t, { email: `nobody-${a.id}@example.go.th`, password: 'wrong-password' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('unauthorized');
    expect(wrong.body).not.toHaveProperty('enrolmentToken');

    const res = await login(t, { email: a.email }).expect(403);
    expect(res.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: expect.any(String),
      code: 'otp_enrolment_required',
      enrolmentToken: expect.any(String),
    });
    const claims = payloadOf(res.body.enrolmentToken);
    expect(claims).toMatchObject({ sub: a.id, aud: 'rongrian:otp-enrolment' });
    expect(claims.exp - claims.iat).toBe(600);
  });

  it('enrols: a base32 secret and its otpauth URI, confirmed by the current code, then ten recovery codes and a token', async () => {
    const a = await accounts.create('integrity');
    const { enrolmentToken } = (await login(t, { email: a.email }).expect(403)).body;
    const secretRes = await enrol(enrolmentToken).expect(200);
    const { secret, otpauthUri } = secretRes.body;
    expect(Object.keys(secretRes.body).sort()).toEqual(['otpauthUri', 'secret']);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(`${uri.protocol}//${uri.host}`).toBe('otpauth://totp');
    expect(decodeURIComponent(uri.pathname)).toBe(`/Rongrian (เทศบาลตัวอย่าง):${a.email}`);
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      issuer: 'Rongrian (เทศบาลตัวอย่าง)',
      secret,
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });

    const badCode = String((Number(code(secret)) + 1) % 1_000_000).padStart(6, '0');
    const bad = await confirm(enrolmentToken, badCode).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'otp', code: 'wrongCode' })]);

    const res = await confirm(enrolmentToken, code(secret)).expect(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900, recoveryCodes: expect.any(Array) });
    expect(new Set(res.body.recoveryCodes).size).toBe(10);
    expect((await me(t, res.body.accessToken).expect(200)).body.email).toBe(a.email);

    // At rest: the secret encrypted, the recovery codes hashed.
    const [row] = await t.db.query(`SELECT otp_secret, otp_pending_secret, otp_enrolment_id FROM users WHERE id = $1`, [a.id]);
    expect(row.otp_secret).toMatch(/^v1:/);
    expect(row.otp_secret).not.toContain(secret);
    expect(row).toMatchObject({ otp_pending_secret: null, otp_enrolment_id: null });
    const stored = JSON.stringify(await t.db.query(`SELECT * FROM user_recovery_codes WHERE user_id = $1`, [a.id]));
    for (const c of res.body.recoveryCodes as string[]) {
      expect(stored).not.toContain(c);
      expect(stored).not.toContain(c.replace('-', ''));
    }
    expect((await auditOf(t, a.id)).map((r) => r.action)).toEqual(expect.arrayContaining(['otp_enrolled', 'sign_in']));

    // Confirmed: the enrolment token is spent.
    await enrol(enrolmentToken).expect(401);
    await confirm(enrolmentToken, code(secret)).expect(401);
  });

  it('signs in with the current code, and refuses a missing, wrong or replayed one with otp_required', async () => {
    const a = await enrolled();
    const missing = await login(t, { email: a.email }).expect(401);
    expect(missing.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.any(String), code: 'otp_required' });
    const wrongCode = String((Number(code(a.secret)) + 5) % 1_000_000).padStart(6, '0');
    expect((await login(t, { email: a.email, otp: wrongCode }).expect(401)).body.code).toBe('otp_required');

    const current = code(a.secret);
    const ok = await login(t, { email: a.email, otp: current }).expect(200);
    await me(t, ok.body.accessToken).expect(200);
    expect((await login(t, { email: a.email, otp: current }).expect(401)).body.code).toBe('otp_required');

    // A wrong password is the same 401 as ever, code or not: no hint that the account has two factors.
    const wrongPassword = await login(t, { email: a.email, password: 'nope', otp: code(a.secret, 1) }).expect(401);
    expect(wrongPassword.body.code).toBe('unauthorized');
    expect((await auditOf(t, a.id)).filter((r) => r.action === 'sign_in_failed').map((r) => r.details?.reason)).toEqual([
      'otp_missing',
      'otp_wrong',
      'otp_replayed',
      'wrong_password',
    ]);
  });

  it('accepts one step either side, each step once, and never an older step after a newer one', async () => {
    const a = await enrolled();
    clock.advance(STEP_MS); // the step before now is not the enrolment's, so still unused
    await login(t, { email: a.email, otp: code(a.secret, -1) }).expect(200);
    await login(t, { email: a.email, otp: code(a.secret, 1) }).expect(200);
    // The current step lies before the one just used: a replay by another name.
    await login(t, { email: a.email, otp: code(a.secret, 0) }).expect(401);
    await login(t, { email: a.email, otp: code(a.secret, 2) }).expect(401);

    clock.advance(2 * STEP_MS);
    await login(t, { email: a.email, otp: code(a.secret) }).expect(200);
  });

  it('lets exactly one of two parallel sign-ins with the same code through', async () => {
    const a = await enrolled();
    const otp = code(a.secret);
    const answers = await Promise.all([login(t, { email: a.email, otp }), login(t, { email: a.email, otp })]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('takes a recovery code in place of the code, once, however it is typed', async () => {
    const a = await enrolled();
    const [first, second] = a.recoveryCodes;
    await login(t, { email: a.email, otp: first }).expect(200);
    expect((await login(t, { email: a.email, otp: first }).expect(401)).body.code).toBe('otp_required');
    await login(t, { email: a.email, otp: ` ${second.toUpperCase().replace('-', ' ')} ` }).expect(200);
    const [{ left }] = await t.db.query(`SELECT count(*)::int AS left FROM user_recovery_codes WHERE user_id = $1`, [a.id]);
    expect(left).toBe(8);
    expect((await auditOf(t, a.id)).filter((r) => r.action === 'sign_in').map((r) => r.details?.secondFactor)).toEqual([
      'totp',
      'recovery_code',
      'recovery_code',
    ]);
  });

  it('keeps enrolment tokens and access tokens apart', async () => {
    const a = await accounts.create('integrity');
    const { enrolmentToken } = (await login(t, { email: a.email }).expect(403)).body;
    await me(t, enrolmentToken).expect(401);

    const plain = await accounts.create('center');
    const { accessToken } = (await login(t, { email: plain.email }).expect(200)).body;
    await enrol(accessToken).expect(401);
    await confirm(accessToken, '123456').expect(401);
  });

  it('lets only the newest enrolment token go on, and none after ten minutes', async () => {
    const a = await accounts.create('integrity');
    const older = (await login(t, { email: a.email }).expect(403)).body.enrolmentToken;
    clock.advance(1000);
    const newer = (await login(t, { email: a.email }).expect(403)).body.enrolmentToken;
    await enrol(older).expect(401);
    await enrol(newer).expect(200);

    clock.advance(10 * 60_000 + 1000);
    await enrol(newer).expect(401);
    const fresh = (await login(t, { email: a.email }).expect(403)).body.enrolmentToken;
    const { secret } = (await enrol(fresh).expect(200)).body;
    await confirm(fresh, code(secret)).expect(200);
  });

  it('asks for a secret before a confirmation', async () => {
    const a = await accounts.create('integrity');
    const { enrolmentToken } = (await login(t, { email: a.email }).expect(403)).body;
    await confirm(enrolmentToken, '123456').expect(409);
    const res = await request(t.http).post('/api/v1/auth/otp/confirm').send({ enrolmentToken: 'x', otp: '12' }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['enrolmentToken', 'otp']);
  });
});
