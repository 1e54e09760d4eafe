import request from 'supertest';
import type { TestApp } from './test-app';

let n = 0;

/** A phone complaint as the centre would register it; override what the test is about. */
export function offlineCase(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  n++;
  return {
    kind: 'general',
    channel: 'phone',
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    subject: `น้ำประปาไม่ไหล ${n}`,
    description: 'น้ำประปาไม่ไหลมาสองวันแล้ว',
    categoryCode: 'water_supply',
    complainant: { name: 'ประยุทธ มีสุข', email: `caller${n}@example.com`, phone: '0891112222' },
    ...overrides,
  };
}

export async function registerCase(t: TestApp, auth: string, overrides: Record<string, unknown> = {}) {
  const res = await request(t.http).post('/api/v1/cases').set('Authorization', auth).send(offlineCase(overrides));
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; trackingCode: string | null; referenceNo: string; dueAt: string; receivedAt: string };
}

export function act(t: TestApp, auth: string, caseId: string, body: Record<string, unknown>) {
  return request(t.http).post(`/api/v1/cases/${caseId}/actions`).set('Authorization', auth).send(body);
}

export async function departmentId(t: TestApp, code: string): Promise<string> {
  const [row] = await t.db.query('SELECT id FROM departments WHERE code = $1', [code]);
  return row.id;
}

export async function userId(t: TestApp, email: string): Promise<string> {
  const [row] = await t.db.query('SELECT id FROM users WHERE email = $1', [email]);
  return row.id;
}

/** A case taken the whole way by the works department: accepted and assigned by the centre, started and resolved by the officer. */
export async function resolveInWorks(t: TestApp, auth: { center: string; works: string }, caseId: string): Promise<void> {
  const works = await departmentId(t, 'works');
  for (const [body, by] of [
    [{ action: 'accept' }, auth.center],
    [{ action: 'assign', departmentId: works }, auth.center],
    [{ action: 'start' }, auth.works],
    [{ action: 'resolve', message: 'ซ่อมแล้ว' }, auth.works],
  ] as const) {
    const res = await act(t, by, caseId, body);
    if (res.status !== 200) throw new Error(`${body.action}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
