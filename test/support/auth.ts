import request from 'supertest';
import { TEST_PASSWORD } from './constants';
import type { TestApp } from './test-app';

export const STAFF = {
  admin: 'admin@example.go.th',
  center: 'center@example.go.th',
  works: 'works@example.go.th',
  worksHead: 'works.head@example.go.th',
  finance: 'finance@example.go.th',
  integrity: 'integrity@example.go.th',
  executive: 'executive@example.go.th',
} as const;

/** Signs in through the real endpoint; returns the Authorization header value. */
export async function bearer(t: TestApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await request(t.http).post('/api/v1/auth/login').send({ email, password }).expect(200);
  return `Bearer ${res.body.accessToken}`;
}

/** Bearer headers for every seeded role at once. */
export async function staffTokens(t: TestApp): Promise<Record<keyof typeof STAFF, string>> {
  const entries = await Promise.all(Object.entries(STAFF).map(async ([k, email]) => [k, await bearer(t, email)]));
  return Object.fromEntries(entries);
}
