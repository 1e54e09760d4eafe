import { Secret, TOTP } from 'otpauth';
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

const TOTP_PERIOD_MS = 30_000;

/**
 * The authenticator app of each account the helpers enrolled, per test
 * database: the secret, and the last time step used (the server refuses a
 * step twice, so the next sign-in takes the next step still accepted).
 */
const apps = new Map<string, { secret: string; lastStep: number }>();

function appKey(t: TestApp, email: string): string {
  return `${String(t.db.options.database ?? (t.db.options as { url?: string }).url)}|${email.toLowerCase()}`;
}

/** The authenticator app's code for a time step, as a phone would show it. */
export function totpCodeAt(secret: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: at.getTime() });
}

/** A code the server has not seen yet and still accepts (one step either side of its clock), if any is left. */
function nextCode(t: TestApp, key: string): string | undefined {
  const app = apps.get(key);
  if (!app) return undefined;
  const current = Math.floor(t.clock.now().getTime() / TOTP_PERIOD_MS);
  const step = Math.max(app.lastStep + 1, current - 1);
  if (step > current + 1) return undefined;
  app.lastStep = step;
  return totpCodeAt(app.secret, new Date(step * TOTP_PERIOD_MS));
}

/**
 * Forgets an account's second factor behind the API's back, as an
 * administrator's reset would but without ending its tokens: for when these
 * helpers do not know the secret (another test file, or another app with
 * another key, enrolled the account in this database).
 */
export async function forgetSecondFactor(t: TestApp, email: string): Promise<void> {
  await t.db.query(`DELETE FROM user_recovery_codes WHERE user_id = (SELECT id FROM users WHERE lower(email) = lower($1))`, [email]);
  await t.db.query(
    `UPDATE users SET otp_secret = NULL, otp_enrolled_at = NULL, otp_last_step = NULL, otp_pending_secret = NULL,
            otp_enrolment_id = NULL, failed_logins = 0, locked_until = NULL
     WHERE lower(email) = lower($1)`,
    [email],
  );
}

/** Enrols through the real endpoints, as a person with a phone would; remembers the secret. */
export async function completeEnrolment(t: TestApp, email: string, enrolmentToken: string) {
  const enrol = await request(t.http).post('/api/v1/auth/otp/enrol').send({ enrolmentToken }).expect(200);
  const secret: string = enrol.body.secret;
  const step = Math.floor(t.clock.now().getTime() / TOTP_PERIOD_MS);
  const confirm = await request(t.http)
    .post('/api/v1/auth/otp/confirm')
    .send({ enrolmentToken, otp: totpCodeAt(secret, new Date(step * TOTP_PERIOD_MS)) })
    .expect(200);
  apps.set(appKey(t, email), { secret, lastStep: step });
  return { secret, ...(confirm.body as { accessToken: string; recoveryCodes: string[] }) };
}

/**
 * Signs in through the real endpoint; returns the Authorization header value.
 * An account with two-factor sign-in gets its code from the app these
 * helpers keep, and one that must enrol first (integrity) is enrolled.
 */
export async function bearer(t: TestApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const key = appKey(t, email);
  const login = (otp?: string) => request(t.http).post('/api/v1/auth/login').send({ email, password, ...(otp ? { otp } : {}) });
  let res = await login(nextCode(t, key));
  if (res.status === 401 && res.body.code === 'otp_required') {
    apps.delete(key);
    await forgetSecondFactor(t, email);
    res = await login();
  }
  if (res.status === 403 && res.body.code === 'otp_enrolment_required') {
    return `Bearer ${(await completeEnrolment(t, email, res.body.enrolmentToken)).accessToken}`;
  }
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return `Bearer ${res.body.accessToken}`;
}

/** Bearer headers for every seeded role at once. */
export async function staffTokens(t: TestApp): Promise<Record<keyof typeof STAFF, string>> {
  const entries = await Promise.all(Object.entries(STAFF).map(async ([k, email]) => [k, await bearer(t, email)]));
  return Object.fromEntries(entries);
}
