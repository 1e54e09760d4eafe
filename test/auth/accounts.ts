import request from 'supertest';
import { hashPassword } from '../../src/modules/auth/password';
import type { Role } from '../../src/modules/users/user.entity';
import type { TestApp } from '../support/test-app';

let n = 0;
export const ACCOUNT_PASSWORD = 'a-long-enough-passphrase';

export interface Account {
  id: string;
  email: string;
  role: Role;
}

/**
 * Accounts made for one test file, straight into its database (faster than
 * the admin API, and independent of it), and deleted at the end with what
 * hangs off them. The seeded accounts are left to the other files.
 */
export class Accounts {
  private readonly ids: string[] = [];
  private hash?: Promise<string>;

  constructor(private readonly t: () => TestApp) {}

  async create(role: Role = 'center'): Promise<Account> {
    n++;
    const email = `auth_${process.pid.toString(36)}_${Date.now().toString(36)}_${n}@example.go.th`;
    this.hash ??= hashPassword(ACCOUNT_PASSWORD);
    const [{ id }] = await this.t().db.query(
      `INSERT INTO users (email, password_hash, display_name, role, department_id)
       VALUES ($1, $2, 'บัญชีทดสอบ', $3, CASE WHEN $3 IN ('officer', 'head') THEN (SELECT id FROM departments WHERE code = 'works') END)
       RETURNING id`,
      [email, await this.hash, role],
    );
    this.ids.push(id);
    return { id, email, role };
  }

  async removeAll(): Promise<void> {
    await this.t().db.query(`DELETE FROM users WHERE id = ANY($1)`, [this.ids]);
  }
}

/** POST /api/v1/auth/login, from `client` when the app trusts X-Forwarded-For. */
export function login(t: TestApp, body: { email: string; password?: string; otp?: string }, client?: string) {
  const req = request(t.http).post('/api/v1/auth/login');
  if (client) req.set('X-Forwarded-For', client);
  return req.send({ password: ACCOUNT_PASSWORD, ...body });
}

export function me(t: TestApp, token: string) {
  return request(t.http).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
}

/** The audit rows about one account, oldest first. */
export async function auditOf(t: TestApp, userId: string): Promise<Array<{ action: string; actor_id: string | null; details: Record<string, unknown> | null }>> {
  return t.db.query(`SELECT action, actor_id, details FROM audit_log WHERE subject_user_id = $1 ORDER BY id`, [userId]);
}

/** A moment `seconds` into a minute, which is also the start of a TOTP step when seconds is 0 or 30. */
export function atSecond(seconds: number): Date {
  const minute = Math.floor(Date.now() / 60_000) * 60_000;
  return new Date(minute + seconds * 1000);
}
