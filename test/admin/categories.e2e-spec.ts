import request from 'supertest';
import { ActiveCategories } from '../../src/modules/categories/active-categories';
import { staffTokens, STAFF } from '../support/auth';
import { complaintBody } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { CreatedRows, fieldsOf, unique, UNKNOWN_ID } from './admin-fixtures';

interface CategoryItem {
  id: string;
  code: string;
  kind: string;
  name: string;
  nameEn: string;
  defaultDepartmentId: string | null;
  active: boolean;
}

describe('categories administration', () => {
  let t: TestApp;
  let tokens: Record<keyof typeof STAFF, string>;
  let worksId: string;
  const created = new CreatedRows(() => t);

  beforeAll(async () => {
    t = await startTestApp();
    tokens = await staffTokens(t);
    [{ id: worksId }] = await t.db.query(`SELECT id FROM departments WHERE code = 'works'`);
  });
  afterAll(async () => {
    await created.removeAll();
    await t.close();
  });

  const list = async (token: string, query = ''): Promise<CategoryItem[]> =>
    (await request(t.http).get(`/api/v1/categories${query}`).set('Authorization', token).expect(200)).body.items;
  const post = (body: Record<string, unknown>) =>
    request(t.http).post('/api/v1/categories').set('Authorization', tokens.admin).send(body);
  const patch = (id: string, body: Record<string, unknown>) =>
    request(t.http).patch(`/api/v1/categories/${id}`).set('Authorization', tokens.admin).send(body);

  it('lists active categories of both kinds, or of one', async () => {
    const all = await list(tokens.integrity);
    expect(all.find((c) => c.code === 'street_lights')).toEqual({
      id: expect.any(String),
      code: 'street_lights',
      kind: 'general',
      name: 'ไฟฟ้าสาธารณะ',
      nameEn: 'Street lights',
      defaultDepartmentId: worksId,
      active: true,
    });
    expect(new Set(all.map((c) => c.kind))).toEqual(new Set(['general', 'corruption']));
    const corruption = await list(tokens.integrity, '?kind=corruption');
    expect(corruption.length).toBeGreaterThan(0);
    expect(corruption.every((c) => c.kind === 'corruption' && c.defaultDepartmentId === null)).toBe(true);

    const bad = await request(t.http).get('/api/v1/categories?kind=other&colour=red').set('Authorization', tokens.center).expect(400);
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['kind', 'colour']));
  });

  it('creates a general category with a default department, and refuses the code again with 409', async () => {
    const code = unique('cat');
    const res = await post({ code, kind: 'general', nameTh: 'สวนสาธารณะ', nameEn: 'Parks', defaultDepartmentId: worksId }).expect(201);
    created.track('categories', res.body.id);
    expect(res.body).toEqual({
      id: expect.any(String),
      code,
      kind: 'general',
      name: 'สวนสาธารณะ',
      nameEn: 'Parks',
      defaultDepartmentId: worksId,
      active: true,
    });
    expect(await list(tokens.works, '?kind=general')).toContainEqual(res.body);

    await post({ code, kind: 'corruption', nameTh: 'ซ้ำ', nameEn: 'Duplicate' }).expect(409);
    const seeded = await post({ code: 'roads', kind: 'general', nameTh: 'ถนน', nameEn: 'Roads' }).expect(409);
    expect(seeded.body).toMatchObject({ statusCode: 409, message: expect.stringContaining('roads') });
  });

  it('validates a new category, naming each field', async () => {
    const res = await post({ code: '9lives', kind: 'secret', nameTh: '', defaultDepartmentId: 'works' }).expect(400);
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['code', 'kind', 'nameTh', 'nameEn', 'defaultDepartmentId']));
  });

  it('wants an existing, active default department, and none for corruption', async () => {
    const base = { kind: 'general', nameTh: 'หมวด', nameEn: 'Category' };
    const unknown = await post({ ...base, code: unique('cat'), defaultDepartmentId: UNKNOWN_ID }).expect(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'defaultDepartmentId', code: 'unknownDepartment' })]);

    const retired = await created.department(tokens.admin);
    await request(t.http).patch(`/api/v1/departments/${retired.id}`).set('Authorization', tokens.admin).send({ active: false }).expect(200);
    const inactive = await post({ ...base, code: unique('cat'), defaultDepartmentId: retired.id }).expect(400);
    expect(fieldsOf(inactive.body)).toEqual(['defaultDepartmentId']);

    const corruption = await post({ ...base, kind: 'corruption', code: unique('cat'), defaultDepartmentId: worksId }).expect(400);
    expect(corruption.body.details).toEqual([expect.objectContaining({ field: 'defaultDepartmentId', code: 'notForCorruption' })]);
    const fine = await created.category(tokens.admin, { kind: 'corruption', defaultDepartmentId: null });
    expect(fine).toMatchObject({ kind: 'corruption', defaultDepartmentId: null });
    const later = await patch(fine.id, { defaultDepartmentId: worksId }).expect(400);
    expect(fieldsOf(later.body)).toEqual(['defaultDepartmentId']);
  });

  it('updates names and the default department, but never the code or the kind', async () => {
    const c = await created.category(tokens.admin, { defaultDepartmentId: worksId });
    const res = await patch(c.id, { nameTh: 'ชื่อใหม่', nameEn: 'New name', defaultDepartmentId: null }).expect(200);
    expect(res.body).toMatchObject({ id: c.id, code: c.code, name: 'ชื่อใหม่', nameEn: 'New name', defaultDepartmentId: null });
    const [{ id: healthId }] = await t.db.query(`SELECT id FROM departments WHERE code = 'health'`);
    expect((await patch(c.id, { defaultDepartmentId: healthId }).expect(200)).body.defaultDepartmentId).toBe(healthId);

    const fixed = await patch(c.id, { code: 'renamed', kind: 'corruption' }).expect(400);
    expect(fieldsOf(fixed.body).sort()).toEqual(['code', 'kind']);
    await patch(UNKNOWN_ID, { nameEn: 'x' }).expect(404);
    await patch('42', { nameEn: 'x' }).expect(404);
  });

  it('deactivates: hidden from staff and from the public form, shown to an admin who asks', async () => {
    // The process holds its copy of the active categories from here on: a change made through it shows at once all the same.
    const active = t.app.get(ActiveCategories);
    await active.list('general');
    const c = await created.category(tokens.admin, { defaultDepartmentId: worksId });
    expect(await active.byCode(c.code, 'general')).toMatchObject({ id: c.id });
    await patch(c.id, { active: false }).expect(200);

    expect((await list(tokens.center)).map((x) => x.id)).not.toContain(c.id);
    expect((await list(tokens.center, '?includeInactive=true')).map((x) => x.id)).not.toContain(c.id);
    expect(await list(tokens.admin, '?includeInactive=true&kind=general')).toContainEqual({ ...c, name: 'หมวดทดสอบ', nameEn: 'Test category', active: false });

    const filing = await request(t.http).post('/api/v1/complaints').send(complaintBody({ categoryCode: c.code })).expect(400);
    expect(fieldsOf(filing.body)).toEqual(['categoryCode']);

    await patch(c.id, { active: true }).expect(200);
    expect((await list(tokens.center)).map((x) => x.id)).toContain(c.id);
  });

  it('will not bring a category back while its default department is retired', async () => {
    const d = await created.department(tokens.admin);
    const c = await created.category(tokens.admin, { defaultDepartmentId: d.id });
    await patch(c.id, { active: false }).expect(200);
    await request(t.http).patch(`/api/v1/departments/${d.id}`).set('Authorization', tokens.admin).send({ active: false }).expect(200);

    const res = await patch(c.id, { active: true }).expect(400);
    expect(fieldsOf(res.body)).toEqual(['defaultDepartmentId']);
    await patch(c.id, { active: true, defaultDepartmentId: worksId }).expect(200);
  });
});
