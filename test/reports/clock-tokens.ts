import { StaffTokens } from '../../src/modules/auth/staff-tokens';
import { STAFF } from '../support/auth';
import type { TestApp } from '../support/test-app';

/**
 * Bearer headers of every seeded role, issued at the test clock's time. Tests
 * here move the clock by days and weeks, past the tokens' 15 minutes; they
 * take fresh ones after each move instead of signing in again (sign-in is
 * tested elsewhere, and limited per client).
 */
export async function tokensNow(t: TestApp): Promise<Record<keyof typeof STAFF, string>> {
  const tokens = t.app.get(StaffTokens);
  const users: Array<{ id: string; email: string; role: string; tokenVersion: number }> = await t.db.query(
    `SELECT id, email, role, token_version AS "tokenVersion" FROM users WHERE email = ANY($1)`,
    [Object.values(STAFF)],
  );
  const entries = await Promise.all(
    Object.entries(STAFF).map(async ([key, email]) => {
      const u = users.find((x) => x.email === email);
      if (!u) throw new Error(`no seeded user ${email}`);
      const { accessToken } = await tokens.issueAccess({ id: u.id, role: u.role as never, tokenVersion: u.tokenVersion });
      return [key, `Bearer ${accessToken}`];
    }),
  );
  return Object.fromEntries(entries);
}
