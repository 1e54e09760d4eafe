import { Secret, TOTP } from 'otpauth';

export const BENCH_PASSWORD = 'bench-password-1';

async function post<T>(base: string, path: string, body: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as T };
}

/**
 * A staff member's bearer token from the running server, as a browser gets
 * it. Roles that must use two-factor sign-in (integrity) enrol an
 * authenticator on the way, the way a new user does at first sign-in.
 */
export async function signIn(base: string, email: string): Promise<string> {
  const login = await post<{ accessToken?: string; code?: string; enrolmentToken?: string }>(base, '/api/v1/auth/login', {
    email,
    password: BENCH_PASSWORD,
  });
  if (login.status === 200 || login.status === 201) return `Bearer ${login.json.accessToken}`;
  if (login.json.code !== 'otp_enrolment_required') throw new Error(`sign-in of ${email}: ${login.status} ${JSON.stringify(login.json)}`);
  const { enrolmentToken } = login.json;
  const enrol = await post<{ secret: string }>(base, '/api/v1/auth/otp/enrol', { enrolmentToken });
  const otp = TOTP.generate({ secret: Secret.fromBase32(enrol.json.secret), algorithm: 'SHA1', digits: 6, period: 30 });
  const confirm = await post<{ accessToken: string }>(base, '/api/v1/auth/otp/confirm', { enrolmentToken, otp });
  if (!confirm.json.accessToken) throw new Error(`two-factor enrolment of ${email}: ${confirm.status} ${JSON.stringify(confirm.json)}`);
  return `Bearer ${confirm.json.accessToken}`;
}
