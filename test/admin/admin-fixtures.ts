import request from 'supertest';
import type { TestApp } from '../support/test-app';

let n = 0;

/** A code or email part unique across files, workers and reruns: lower case, as the code pattern wants. */
export function unique(prefix: string): string {
  n++;
  return `${prefix}_${process.pid.toString(36)}_${Date.now().toString(36)}_${n}`;
}

export const ADMIN_TEST_PASSWORD = 'correct-horse-battery';

/**
 * Tracks the rows a test file creates and deletes them at the end (users
 * first: they point at departments). Test files share a database, and
 * cases or counts elsewhere must not see our leftovers; the API itself never deletes.
 */
type Table = 'users' | 'categories' | 'departments';

export class CreatedRows {
  private readonly ids: Record<Table, string[]> = { users: [], categories: [], departments: [] };

  constructor(private readonly t: () => TestApp) {}

  track(table: Table, id: string): string {
    this.ids[table].push(id);
    return id;
  }

  async removeAll(): Promise<void> {
    const db = this.t().db;
    await db.query(`DELETE FROM users WHERE id = ANY($1)`, [this.ids.users]);
    await db.query(`DELETE FROM categories WHERE id = ANY($1)`, [this.ids.categories]);
    await db.query(`DELETE FROM departments WHERE id = ANY($1)`, [this.ids.departments]);
  }

  async department(admin: string, overrides: Record<string, unknown> = {}) {
    const res = await request(this.t().http)
      .post('/api/v1/departments')
      .set('Authorization', admin)
      .send({ code: unique('dept'), nameTh: 'กองทดสอบ', nameEn: 'Test Division', ...overrides })
      .expect(201);
    this.track('departments', res.body.id);
    return res.body as { id: string; code: string; name: string; nameEn: string; active: boolean };
  }

  async category(admin: string, overrides: Record<string, unknown> = {}) {
    const res = await request(this.t().http)
      .post('/api/v1/categories')
      .set('Authorization', admin)
      .send({ code: unique('cat'), kind: 'general', nameTh: 'หมวดทดสอบ', nameEn: 'Test category', ...overrides })
      .expect(201);
    this.track('categories', res.body.id);
    return res.body as { id: string; code: string; kind: string; defaultDepartmentId: string | null; active: boolean };
  }

  async user(admin: string, overrides: Record<string, unknown> = {}) {
    const res = await request(this.t().http)
      .post('/api/v1/users')
      .set('Authorization', admin)
      .send({
        email: `${unique('user')}@example.go.th`,
        displayName: 'ผู้ใช้ทดสอบ',
        role: 'center',
        password: ADMIN_TEST_PASSWORD,
        ...overrides,
      })
      .expect(201);
    this.track('users', res.body.id);
    return res.body as { id: string; email: string; role: string; departmentId: string | null; active: boolean };
  }
}

/** The fields a 400 names, for `expect(...).toContain('field')`. */
export function fieldsOf(body: { details?: Array<{ field: string }> }): string[] {
  return (body.details ?? []).map((d) => d.field);
}

/** A well-formed uuid that no row has. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
