import request from 'supertest';
import { staffTokens, STAFF } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { CreatedRows, fieldsOf, unique, UNKNOWN_ID } from './admin-fixtures';

describe('departments administration', () => {
  let t: TestApp;
  let tokens: Record<keyof typeof STAFF, string>;
  const created = new CreatedRows(() => t);

  beforeAll(async () => {
    t = await startTestApp();
    tokens = await staffTokens(t);
  });
  afterAll(async () => {
    await created.removeAll();
    await t.close();
  });

  const list = (token: string, query = '') =>
    request(t.http).get(`/api/v1/departments${query}`).set('Authorization', token).expect(200);
  const patch = (id: string, body: Record<string, unknown>, token = tokens.admin) =>
    request(t.http).patch(`/api/v1/departments/${id}`).set('Authorization', token).send(body);

  it('lists the active departments, by code, with the Thai name as `name`', async () => {
    const res = await list(tokens.works);
    const codes: string[] = res.body.items.map((d: { code: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['office', 'finance', 'works', 'health', 'education']));
    expect(codes).toEqual([...codes].sort());
    const works = res.body.items.find((d: { code: string }) => d.code === 'works');
    expect(works).toEqual({ id: expect.any(String), code: 'works', name: 'กองช่าง', nameEn: 'Public Works Division', active: true });
  });

  it('creates a department and refuses its code a second time with 409', async () => {
    const code = unique('dept');
    const res = await request(t.http)
      .post('/api/v1/departments')
      .set('Authorization', tokens.admin)
      .send({ code, nameTh: '  กองสวัสดิการสังคม  ', nameEn: 'Social Welfare Division' })
      .expect(201);
    created.track('departments', res.body.id);
    expect(res.body).toEqual({ id: expect.any(String), code, name: 'กองสวัสดิการสังคม', nameEn: 'Social Welfare Division', active: true });
    expect((await list(tokens.center)).body.items).toContainEqual(res.body);

    const again = await request(t.http)
      .post('/api/v1/departments')
      .set('Authorization', tokens.admin)
      .send({ code, nameTh: 'อีกกอง', nameEn: 'Another' })
      .expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, error: 'Conflict', message: expect.stringContaining(code) });
    await request(t.http)
      .post('/api/v1/departments')
      .set('Authorization', tokens.admin)
      .send({ code: 'works', nameTh: 'กองช่างซ้ำ', nameEn: 'Duplicate' })
      .expect(409);
  });

  it('validates a new department, naming each field', async () => {
    const res = await request(t.http)
      .post('/api/v1/departments')
      .set('Authorization', tokens.admin)
      .send({ code: 'Bad Code', nameTh: '   ', extra: 1 })
      .expect(400);
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['code', 'nameTh', 'nameEn', 'extra']));
    const tooLong = await request(t.http)
      .post('/api/v1/departments')
      .set('Authorization', tokens.admin)
      .send({ code: `d${'x'.repeat(32)}`, nameTh: 'กอง', nameEn: 'Division' })
      .expect(400);
    expect(fieldsOf(tooLong.body)).toEqual(['code', 'code']);
  });

  it('renames and keeps the code fixed', async () => {
    const d = await created.department(tokens.admin);
    const renamed = await patch(d.id, { nameTh: 'กองใหม่', nameEn: 'New Division' }).expect(200);
    expect(renamed.body).toEqual({ ...d, name: 'กองใหม่', nameEn: 'New Division' });
    const onlyEn = await patch(d.id, { nameEn: 'Newer Division' }).expect(200);
    expect(onlyEn.body).toMatchObject({ name: 'กองใหม่', nameEn: 'Newer Division' });

    const codeChange = await patch(d.id, { code: 'other_code' }).expect(400);
    expect(fieldsOf(codeChange.body)).toEqual(['code']);
    const blank = await patch(d.id, { nameTh: ' ', nameEn: null, active: 'no' }).expect(400);
    expect(fieldsOf(blank.body)).toEqual(expect.arrayContaining(['nameTh', 'nameEn', 'active']));
  });

  it('answers 404 for an unknown or malformed id', async () => {
    await patch(UNKNOWN_ID, { nameEn: 'x' }).expect(404);
    const res = await patch('not-a-uuid', { nameEn: 'x' }).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, message: 'Department not found' });
  });

  it('deactivates: gone from everyone’s list, still there for an admin who asks, and back on reactivation', async () => {
    const d = await created.department(tokens.admin);
    const off = await patch(d.id, { active: false }).expect(200);
    expect(off.body.active).toBe(false);

    const ids = (res: request.Response) => res.body.items.map((x: { id: string }) => x.id);
    expect(ids(await list(tokens.center))).not.toContain(d.id);
    expect(ids(await list(tokens.admin))).not.toContain(d.id);
    expect(ids(await list(tokens.center, '?includeInactive=true'))).not.toContain(d.id);
    const withInactive = await list(tokens.admin, '?includeInactive=true');
    expect(withInactive.body.items).toContainEqual({ ...d, active: false });

    await patch(d.id, { active: true }).expect(200);
    expect(ids(await list(tokens.center))).toContain(d.id);
  });

  it('rejects a malformed includeInactive', async () => {
    const res = await request(t.http).get('/api/v1/departments?includeInactive=maybe').set('Authorization', tokens.admin).expect(400);
    expect(fieldsOf(res.body)).toEqual(['includeInactive']);
  });

  it('refuses to retire a department that active users or categories still point at', async () => {
    const d = await created.department(tokens.admin);
    const officer = await created.user(tokens.admin, { role: 'officer', departmentId: d.id });
    const category = await created.category(tokens.admin, { defaultDepartmentId: d.id });

    const refused = await patch(d.id, { active: false }).expect(409);
    expect(refused.body.message).toMatch(/1 active users and 1 active categories/);

    await request(t.http).patch(`/api/v1/users/${officer.id}`).set('Authorization', tokens.admin).send({ active: false }).expect(200);
    await request(t.http)
      .patch(`/api/v1/categories/${category.id}`)
      .set('Authorization', tokens.admin)
      .send({ defaultDepartmentId: null })
      .expect(200);
    await patch(d.id, { active: false }).expect(200);

    // Nothing new may point at it while it is retired.
    const newOfficer = await request(t.http)
      .post('/api/v1/users')
      .set('Authorization', tokens.admin)
      .send({ email: `${unique('late')}@example.go.th`, displayName: 'x', role: 'officer', departmentId: d.id, password: 'long-enough-password' })
      .expect(400);
    expect(fieldsOf(newOfficer.body)).toEqual(['departmentId']);
    const back = await request(t.http).patch(`/api/v1/users/${officer.id}`).set('Authorization', tokens.admin).send({ active: true }).expect(400);
    expect(fieldsOf(back.body)).toEqual(['departmentId']);
  });
});

describe('GET /api/v1/departments/:id/staff', () => {
  let t: TestApp;
  let tokens: Record<keyof typeof STAFF, string>;
  let works: string;
  let finance: string;

  beforeAll(async () => {
    t = await startTestApp();
    tokens = await staffTokens(t);
    [{ id: works }] = await t.db.query(`SELECT id FROM departments WHERE code = 'works'`);
    [{ id: finance }] = await t.db.query(`SELECT id FROM departments WHERE code = 'finance'`);
  });
  afterAll(() => t.close());

  const staffOf = (id: string, auth: string) => request(t.http).get(`/api/v1/departments/${id}/staff`).set('Authorization', auth);

  it('lists the active officers and head of a department for the centre, to assign a case to one', async () => {
    const res = await staffOf(works, tokens.center).expect(200);
    expect(res.body.items.map((u: { email: string }) => u.email).sort()).toEqual([STAFF.works, STAFF.worksHead].sort());
    for (const u of res.body.items) expect(Object.keys(u).sort()).toEqual(['displayName', 'email', 'id', 'role']);
    expect(res.body.items[0].role).toBe('officer');
  });

  it('shows a head their own department only, and nobody else anything', async () => {
    await staffOf(works, tokens.worksHead).expect(200);
    await staffOf(finance, tokens.worksHead).expect(404);
    await staffOf(works, tokens.works).expect(403);
    await staffOf(works, tokens.executive).expect(403);
    await staffOf('00000000-0000-4000-8000-000000000000', tokens.center).expect(404);
    await staffOf('not-a-uuid', tokens.center).expect(404);
  });

  it('leaves out deactivated staff', async () => {
    const [{ id }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [STAFF.works]);
    await request(t.http).patch(`/api/v1/users/${id}`).set('Authorization', tokens.admin).send({ active: false }).expect(200);
    try {
      const res = await staffOf(works, tokens.center).expect(200);
      expect(res.body.items.map((u: { email: string }) => u.email)).toEqual([STAFF.worksHead]);
    } finally {
      await request(t.http).patch(`/api/v1/users/${id}`).set('Authorization', tokens.admin).send({ active: true }).expect(200);
    }
  });
});
