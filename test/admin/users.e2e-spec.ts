import request from 'supertest';
import { bearer, staffTokens, STAFF } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { ADMIN_TEST_PASSWORD, CreatedRows, fieldsOf, unique, UNKNOWN_ID } from './admin-fixtures';

/** Nothing about passwords or sign-in failures, in any shape, anywhere in a response. */
function expectNoSecrets(body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/argon2|password|hash|failed|locked/i);
}

const USER_KEYS = ['active', 'departmentId', 'displayName', 'email', 'id', 'otpEnrolled', 'role'];

describe('users administration', () => {
  let t: TestApp;
  let tokens: Record<keyof typeof STAFF, string>;
  let adminId: string;
  let worksId: string;
  let financeId: string;
  const created = new CreatedRows(() => t);

  beforeAll(async () => {
    t = await startTestApp({ AUTH_MAX_FAILED_LOGINS: '3' });
    tokens = await staffTokens(t);
    [{ id: adminId }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [STAFF.admin]);
    [{ id: worksId }] = await t.db.query(`SELECT id FROM departments WHERE code = 'works'`);
    [{ id: financeId }] = await t.db.query(`SELECT id FROM departments WHERE code = 'finance'`);
  });
  afterAll(async () => {
    await created.removeAll();
    await t.close();
  });

  const post = (body: Record<string, unknown>) => request(t.http).post('/api/v1/users').set('Authorization', tokens.admin).send(body);
  const patch = (id: string, body: Record<string, unknown>) =>
    request(t.http).patch(`/api/v1/users/${id}`).set('Authorization', tokens.admin).send(body);
  const list = async (query = '') =>
    (await request(t.http).get(`/api/v1/users${query}`).set('Authorization', tokens.admin).expect(200)).body;
  const login = (email: string, password: string) => request(t.http).post('/api/v1/auth/login').send({ email, password });
  const newUser = (overrides: Record<string, unknown> = {}) => ({
    email: `${unique('user')}@example.go.th`,
    displayName: 'ผู้ใช้ใหม่',
    role: 'center',
    password: ADMIN_TEST_PASSWORD,
    ...overrides,
  });

  it('lists every user without any secret, and filters by role, department and active', async () => {
    const all = await list();
    expectNoSecrets(all);
    expect(all.items.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining(Object.values(STAFF)));
    for (const u of all.items) expect(Object.keys(u).sort()).toEqual(USER_KEYS);

    const officers = await list('?role=officer');
    expect(officers.items.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining([STAFF.works, STAFF.finance]));
    expect(officers.items.every((u: { role: string }) => u.role === 'officer')).toBe(true);

    const works = await list(`?departmentId=${worksId}&role=head`);
    expect(works.items.map((u: { email: string }) => u.email)).toEqual([STAFF.worksHead]);

    const gone = await created.user(tokens.admin);
    await patch(gone.id, { active: false }).expect(200);
    expect((await list('?active=false')).items.map((u: { id: string }) => u.id)).toContain(gone.id);
    expect((await list('?active=true')).items.map((u: { id: string }) => u.id)).not.toContain(gone.id);

    const bad = await request(t.http).get('/api/v1/users?role=boss&departmentId=x&active=1').set('Authorization', tokens.admin).expect(400);
    expect(fieldsOf(bad.body).sort()).toEqual(['active', 'departmentId', 'role']);
  });

  it('creates an officer with an argon2id hash, who can then sign in', async () => {
    const body = newUser({ email: `  ${unique('Parks')}@Example.go.th `, role: 'officer', departmentId: worksId });
    const res = await post(body).expect(201);
    created.track('users', res.body.id);
    expectNoSecrets(res.body);
    const email = (body.email as string).trim().toLowerCase();
    expect(res.body).toEqual({
      id: expect.any(String),
      email,
      displayName: 'ผู้ใช้ใหม่',
      role: 'officer',
      departmentId: worksId,
      active: true,
      otpEnrolled: false,
    });

    const [row] = await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [res.body.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const token = await bearer(t, email, ADMIN_TEST_PASSWORD);
    const me = await request(t.http).get('/api/v1/auth/me').set('Authorization', token).expect(200);
    expect(me.body).toMatchObject({ email, role: 'officer', departmentId: worksId });
  });

  it('validates a new user, naming each field', async () => {
    const res = await post({ email: 'not-an-email', displayName: '', role: 'mayor', password: 'short', departmentId: 'works', extra: true }).expect(400);
    expect(fieldsOf(res.body)).toEqual(
      expect.arrayContaining(['email', 'displayName', 'role', 'password', 'departmentId', 'extra']),
    );
    const elevenChars = await post(newUser({ password: '12345678901' })).expect(400);
    expect(fieldsOf(elevenChars.body)).toEqual(['password']);
    await post(newUser({ password: '123456789012' })).expect(201).then((r) => created.track('users', r.body.id));
  });

  it('refuses an email that exists in any letter case with 409', async () => {
    const res = await post(newUser({ email: 'ADMIN@example.go.th' })).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    const first = await created.user(tokens.admin);
    await post(newUser({ email: first.email.toUpperCase() })).expect(409);
  });

  it.each([
    ['officer', undefined, 'departmentRequired'],
    ['head', null, 'departmentRequired'],
    ['center', 'works', 'departmentNotAllowed'],
    ['admin', 'works', 'departmentNotAllowed'],
    ['integrity', 'works', 'departmentNotAllowed'],
    ['executive', 'works', 'departmentNotAllowed'],
  ] as const)('keeps the role/department rule on create: %s with %s', async (role, dept, code) => {
    const res = await post(newUser({ role, departmentId: dept === 'works' ? worksId : dept })).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'departmentId', code })]);
  });

  it('wants an existing, active department', async () => {
    const unknown = await post(newUser({ role: 'officer', departmentId: UNKNOWN_ID })).expect(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'departmentId', code: 'unknownDepartment' })]);
  });

  it('changes role and department together, and keeps the rule on update', async () => {
    const u = await created.user(tokens.admin, { role: 'officer', departmentId: worksId });

    const moved = await patch(u.id, { departmentId: financeId, displayName: 'ย้ายกอง' }).expect(200);
    expect(moved.body).toMatchObject({ role: 'officer', departmentId: financeId, displayName: 'ย้ายกอง' });

    const keepsDept = await patch(u.id, { role: 'center' }).expect(400);
    expect(fieldsOf(keepsDept.body)).toEqual(['departmentId']);
    const toCenter = await patch(u.id, { role: 'center', departmentId: null }).expect(200);
    expect(toCenter.body).toMatchObject({ role: 'center', departmentId: null });

    const noDept = await patch(u.id, { role: 'head' }).expect(400);
    expect(fieldsOf(noDept.body)).toEqual(['departmentId']);
    const toHead = await patch(u.id, { role: 'head', departmentId: worksId }).expect(200);
    expect(toHead.body).toMatchObject({ role: 'head', departmentId: worksId });
    expectNoSecrets(toHead.body);

    const fixed = await patch(u.id, { email: 'new@example.go.th', passwordHash: 'x', failedLogins: 0 }).expect(400);
    expect(fieldsOf(fixed.body).sort()).toEqual(['email', 'failedLogins', 'passwordHash']);
    const nulls = await patch(u.id, { displayName: null, role: null, active: null }).expect(400);
    expect(fieldsOf(nulls.body)).toEqual(expect.arrayContaining(['displayName', 'role', 'active']));
  });

  it('takes effect at once: a role change changes what the token may do', async () => {
    const u = await created.user(tokens.admin, { role: 'center' });
    const token = await bearer(t, u.email, ADMIN_TEST_PASSWORD);
    await request(t.http).get('/api/v1/users').set('Authorization', token).expect(403);
    await patch(u.id, { role: 'admin' }).expect(200);
    await request(t.http).get('/api/v1/users').set('Authorization', token).expect(200);
  });

  it('deactivates: no sign-in, the current token stops working; reactivation lets them back', async () => {
    const u = await created.user(tokens.admin);
    const token = await bearer(t, u.email, ADMIN_TEST_PASSWORD);

    const off = await patch(u.id, { active: false }).expect(200);
    expect(off.body.active).toBe(false);
    await login(u.email, ADMIN_TEST_PASSWORD).expect(401);
    await request(t.http).get('/api/v1/auth/me').set('Authorization', token).expect(401);

    await patch(u.id, { active: true }).expect(200);
    await login(u.email, ADMIN_TEST_PASSWORD).expect(200);
  });

  it('resets a password, which also lifts a lock-out', async () => {
    const u = await created.user(tokens.admin);
    for (let i = 0; i < 3; i++) await login(u.email, 'wrong-guess').expect(401);
    await login(u.email, ADMIN_TEST_PASSWORD).expect(401);

    const short = await patch(u.id, { password: 'too-short' }).expect(400);
    expect(fieldsOf(short.body)).toEqual(['password']);

    const res = await patch(u.id, { password: 'a-brand-new-passphrase' }).expect(200);
    expectNoSecrets(res.body);
    const [row] = await t.db.query(`SELECT failed_logins, locked_until FROM users WHERE id = $1`, [u.id]);
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
    await login(u.email, ADMIN_TEST_PASSWORD).expect(401);
    await login(u.email, 'a-brand-new-passphrase').expect(200);
  });

  describe('an admin and their own account', () => {
    let original: { display_name: string; role: string; active: boolean };
    beforeAll(async () => {
      [original] = await t.db.query(`SELECT display_name, role, active FROM users WHERE id = $1`, [adminId]);
    });
    afterAll(async () => {
      if (!original) return;
      await t.db.query(`UPDATE users SET display_name = $2, role = $3, active = $4 WHERE id = $1`, [
        adminId,
        original.display_name,
        original.role,
        original.active,
      ]);
    });

    it('may not deactivate themself or drop their admin role', async () => {
      const off = await patch(adminId, { active: false }).expect(400);
      expect(off.body.details).toEqual([expect.objectContaining({ field: 'active', code: 'selfDeactivation' })]);
      const demoted = await patch(adminId, { role: 'center' }).expect(400);
      expect(demoted.body.details).toEqual([expect.objectContaining({ field: 'role', code: 'selfDemotion' })]);
      const [row] = await t.db.query(`SELECT role, active FROM users WHERE id = $1`, [adminId]);
      expect(row).toEqual({ role: 'admin', active: true });
    });

    it('may rename themself', async () => {
      const res = await patch(adminId, { displayName: 'ผู้ดูแลระบบ (ทดสอบ)', role: 'admin', active: true }).expect(200);
      expect(res.body).toMatchObject({ id: adminId, displayName: 'ผู้ดูแลระบบ (ทดสอบ)', role: 'admin', active: true });
    });

    it('may deactivate another admin', async () => {
      const other = await created.user(tokens.admin, { role: 'admin' });
      await patch(other.id, { active: false }).expect(200);
    });
  });

  it('answers 404 for an unknown or malformed id', async () => {
    await patch(UNKNOWN_ID, { displayName: 'x' }).expect(404);
    const res = await patch('12345', { displayName: 'x' }).expect(404);
    expect(res.body.message).toBe('User not found');
  });
});
