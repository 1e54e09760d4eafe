import request from 'supertest';
import { staffTokens, STAFF } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { UNKNOWN_ID } from './admin-fixtures';

type Method = 'get' | 'post' | 'patch';

/** Every administration endpoint; the bodies are valid-looking, so only the role decides. */
const ADMIN_ENDPOINTS: Array<[Method, string, Record<string, unknown>?]> = [
  ['post', '/api/v1/departments', { code: 'never_created', nameTh: 'กอง', nameEn: 'Division' }],
  ['patch', `/api/v1/departments/${UNKNOWN_ID}`, { nameEn: 'Renamed' }],
  ['post', '/api/v1/categories', { code: 'never_created', kind: 'general', nameTh: 'หมวด', nameEn: 'Category' }],
  ['patch', `/api/v1/categories/${UNKNOWN_ID}`, { nameEn: 'Renamed' }],
  ['get', '/api/v1/users'],
  ['post', '/api/v1/users', { email: 'never@example.go.th', displayName: 'x', role: 'center', password: 'long-enough-password' }],
  ['patch', `/api/v1/users/${UNKNOWN_ID}`, { displayName: 'Renamed' }],
];
const STAFF_ENDPOINTS: Array<[Method, string]> = [
  ['get', '/api/v1/departments'],
  ['get', '/api/v1/categories'],
];
const NON_ADMINS = ['center', 'works', 'worksHead', 'finance', 'integrity', 'executive'] as const;

describe('administration: who may call what', () => {
  let t: TestApp;
  let tokens: Record<keyof typeof STAFF, string>;

  beforeAll(async () => {
    t = await startTestApp();
    tokens = await staffTokens(t);
  });
  afterAll(() => t.close());

  it.each([...ADMIN_ENDPOINTS, ...STAFF_ENDPOINTS])('%s %s without a token: 401', async (method, path) => {
    const res = await request(t.http)[method](path).send({});
    expect(res.status).toBe(401);
  });

  it.each(NON_ADMINS)('%s gets 403 from every administration endpoint and changes nothing', async (who) => {
    for (const [method, path, body] of ADMIN_ENDPOINTS) {
      const res = await request(t.http)[method](path).set('Authorization', tokens[who]).send(body ?? {});
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 403 });
    }
    const [{ count }] = await t.db.query(
      `SELECT (SELECT count(*) FROM departments WHERE code = 'never_created')
            + (SELECT count(*) FROM categories WHERE code = 'never_created')
            + (SELECT count(*) FROM users WHERE email = 'never@example.go.th') AS count`,
    );
    expect(Number(count)).toBe(0);
  });

  it.each(['admin', ...NON_ADMINS] as const)('%s may read departments and categories', async (who) => {
    for (const [method, path] of STAFF_ENDPOINTS) {
      const res = await request(t.http)[method](path).set('Authorization', tokens[who]).expect(200);
      expect(res.body.items.length).toBeGreaterThan(0);
    }
  });

  it('lets the admin through the administration endpoints (404 for the unknown ids)', async () => {
    await request(t.http).get('/api/v1/users').set('Authorization', tokens.admin).expect(200);
    for (const path of ['departments', 'categories', 'users']) {
      await request(t.http).patch(`/api/v1/${path}/${UNKNOWN_ID}`).set('Authorization', tokens.admin).send({}).expect(404);
    }
  });
});
