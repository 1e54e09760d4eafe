import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { forgetSecondFactor, totpCodeAt } from '../support/auth';
import { TEST_PASSWORD } from '../support/constants';
import type { TestApp } from '../support/test-app';

/** A browser's view of the staff console: a cookie jar, and forms posted with the token of the page they are on. */
export class ConsoleClient {
  readonly agent: TestAgent;

  constructor(
    t: TestApp,
    private readonly headers: Record<string, string> = {},
  ) {
    this.agent = request.agent(t.http);
  }

  get(path: string) {
    return this.agent.get(path).set({ Accept: 'text/html', ...this.headers });
  }

  /** The CSRF token a page's forms carry. */
  async tokenOf(path: string): Promise<string> {
    const page = await this.get(path).expect(200);
    const match = /name="_csrf" value="([^"]+)"/.exec(page.text);
    if (!match) throw new Error(`no CSRF token on ${path}`);
    return match[1];
  }

  /** Posts a form as the page at `from` would: with its token, url-encoded. */
  async send(path: string, fields: Record<string, string>, from = path) {
    const _csrf = await this.tokenOf(from);
    return this.agent.post(path).set({ Accept: 'text/html', ...this.headers }).type('form').send({ _csrf, ...fields });
  }

  /** `send`, expecting this status. */
  async post(path: string, fields: Record<string, string>, expected: number, from = path) {
    const res = await this.send(path, fields, from);
    if (res.status !== expected) throw new Error(`POST ${path}: expected ${expected}, got ${res.status}\n${res.text.slice(0, 3000)}`);
    return res;
  }

  /** Signs in through the form. */
  signIn(email: string, password: string, expected: number, extra: Record<string, string> = {}) {
    return this.post('/staff/login', { email, password, ...extra }, expected, '/staff/login');
  }
}

/** The Set-Cookie line of one cookie. */
export function setCookie(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const raw = res.headers['set-cookie'];
  const lines = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  return lines.find((l) => l.startsWith(`${name}=`));
}

/**
 * A browser signed in as a seeded account. An account whose role needs
 * two-factor sign-in is enrolled afresh on the page (its earlier second
 * factor, if another file set one up, is forgotten first).
 */
export async function signedIn(t: TestApp, email: string, password = TEST_PASSWORD): Promise<ConsoleClient> {
  const browser = new ConsoleClient(t);
  await forgetSecondFactor(t, email);
  const first = await browser.send('/staff/login', { email, password }, '/staff/login');
  if (first.status === 303) return browser;
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(first.text)?.[1]?.replace(/&amp;/g, '&') ?? '';
  const secret = field('secret');
  if (first.status !== 200 || !secret) throw new Error(`sign-in of ${email} failed: ${first.status}`);
  await browser.post(
    '/staff/login/enrol',
    { enrolmentToken: field('enrolmentToken'), secret, otpauthUri: field('otpauthUri'), otp: totpCodeAt(secret, t.clock.now()) },
    200,
    '/staff/login',
  );
  return browser;
}
