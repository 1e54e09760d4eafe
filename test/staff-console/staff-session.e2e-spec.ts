import request from 'supertest';
import { ManualClock } from '../../src/common/time/clock';
import { Accounts, ACCOUNT_PASSWORD } from '../auth/accounts';
import { totpCodeAt } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { ConsoleClient, setCookie } from './console-client';

describe('staff console sessions', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  const accounts = new Accounts(() => t);

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true' }, { clock });
  });
  afterAll(async () => {
    await accounts.removeAll();
    await t?.close();
  });

  const sessionsOf = async (userId: string): Promise<number> =>
    (await t.db.query(`SELECT count(*)::int AS n FROM staff_sessions WHERE user_id = $1`, [userId]))[0].n;

  it('sends a reader without a session to the sign-in page and back to the page afterwards', async () => {
    const executive = await accounts.create('executive');
    const browser = new ConsoleClient(t);
    const first = await browser.get('/staff/dashboard?lang=en').expect(303);
    expect(first.headers.location).toBe('/staff/login?next=%2Fstaff%2Fdashboard%3Flang%3Den');

    const signedIn = await browser.signIn(executive.email, ACCOUNT_PASSWORD, 303, { next: '/staff/dashboard?lang=en' });
    expect(signedIn.headers.location).toBe('/staff/dashboard?lang=en');
    const cookie = setCookie(signedIn, 'rongrian_staff') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/staff/);
    expect(cookie).not.toMatch(/Secure/);
    // Only a hash of the token is stored.
    const [{ token_hash }] = await t.db.query(`SELECT token_hash FROM staff_sessions WHERE user_id = $1`, [executive.id]);
    expect(cookie).not.toContain(Buffer.from(token_hash).toString('base64url'));

    const page = await browser.get('/staff/dashboard?lang=en').expect(200);
    expect(page.text).toContain('Executive dashboard');
  });

  it('lands each role on its first page, and never follows a `next` that leaves the console', async () => {
    const executive = await accounts.create('executive');
    const center = await accounts.create('center');
    const a = await new ConsoleClient(t).signIn(executive.email, ACCOUNT_PASSWORD, 303, { next: 'https://evil.example/staff' });
    expect(a.headers.location).toBe('/staff/dashboard');
    const b = await new ConsoleClient(t).signIn(center.email, ACCOUNT_PASSWORD, 303, { next: '//evil.example' });
    expect(b.headers.location).toBe('/staff');
  });

  it('refuses a wrong password with the form again, and a page of another role with 403', async () => {
    const center = await accounts.create('center');
    const browser = new ConsoleClient(t);
    const wrong = await browser.signIn(center.email, 'not-the-password', 401);
    expect(wrong.text).toContain('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
    expect(wrong.text).not.toContain('not-the-password');
    await browser.signIn(center.email, ACCOUNT_PASSWORD, 303);
    await browser.get('/staff/dashboard').expect(403);
  });

  it('refuses a form posted without its CSRF token, or with a token of another browser', async () => {
    const center = await accounts.create('center');
    const browser = new ConsoleClient(t);
    await browser.tokenOf('/staff/login');
    const refused = await browser.agent.post('/staff/login').set('Accept', 'text/html').type('form').send({ email: center.email, password: ACCOUNT_PASSWORD }).expect(403);
    expect(refused.text).toContain('ไม่มีสิทธิ์เข้าถึงหน้านี้');
    const foreign = await new ConsoleClient(t).tokenOf('/staff/login');
    await browser.agent
      .post('/staff/login')
      .set('Accept', 'text/html')
      .type('form')
      .send({ _csrf: foreign, email: center.email, password: ACCOUNT_PASSWORD })
      .expect(403);
    expect(await sessionsOf(center.id)).toBe(0);
  });

  it('ends a session after 30 idle minutes, and keeps one that is used', async () => {
    const executive = await accounts.create('executive');
    const browser = new ConsoleClient(t);
    await browser.signIn(executive.email, ACCOUNT_PASSWORD, 303);
    clock.advance(25 * 60_000);
    await browser.get('/staff/dashboard').expect(200);
    clock.advance(25 * 60_000);
    await browser.get('/staff/dashboard').expect(200);
    clock.advance(31 * 60_000);
    const idle = await browser.get('/staff/dashboard').expect(303);
    expect(idle.headers.location).toMatch(/^\/staff\/login\?next=/);
  });

  it('signs out: the session is gone from the database, and its cookie opens nothing', async () => {
    const executive = await accounts.create('executive');
    const browser = new ConsoleClient(t);
    const signedIn = await browser.signIn(executive.email, ACCOUNT_PASSWORD, 303);
    const stolen = (setCookie(signedIn, 'rongrian_staff') ?? '').split(';')[0];
    const out = await browser.post('/staff/logout', {}, 303, '/staff/dashboard');
    expect(out.headers.location).toBe('/staff/login?out=1');
    expect(await sessionsOf(executive.id)).toBe(0);
    await request(t.http).get('/staff/dashboard').set('Cookie', stolen).expect(303);
  });

  it('ends the session a browser had when another account signs in on it', async () => {
    const first = await accounts.create('executive');
    const second = await accounts.create('executive');
    const browser = new ConsoleClient(t);
    await browser.signIn(first.email, ACCOUNT_PASSWORD, 303);
    await browser.signIn(second.email, ACCOUNT_PASSWORD, 303);
    expect(await sessionsOf(first.id)).toBe(0);
    expect(await sessionsOf(second.id)).toBe(1);
  });

  it('signs a deactivated user out of every session at once', async () => {
    const executive = await accounts.create('executive');
    const office = new ConsoleClient(t);
    const phone = new ConsoleClient(t);
    await office.signIn(executive.email, ACCOUNT_PASSWORD, 303);
    await phone.signIn(executive.email, ACCOUNT_PASSWORD, 303);
    expect(await sessionsOf(executive.id)).toBe(2);
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [executive.id]);
    expect(await sessionsOf(executive.id)).toBe(0);
    await office.get('/staff/dashboard').expect(303);
    await phone.get('/staff/dashboard').expect(303);
  });

  it('marks the cookies Secure when the request came over TLS through the proxy', async () => {
    const executive = await accounts.create('executive');
    const overTls = { Accept: 'text/html', 'X-Forwarded-Proto': 'https' };
    const form = await request(t.http).get('/staff/login').set(overTls).expect(200);
    const csrfCookie = setCookie(form, 'rongrian_csrf') ?? '';
    expect(csrfCookie).toMatch(/Secure/);
    // A cookie jar keeps Secure cookies off plain http, so the browser's part is played by hand.
    const signedIn = await request(t.http)
      .post('/staff/login')
      .set({ ...overTls, Cookie: csrfCookie.split(';')[0] })
      .type('form')
      .send({ _csrf: /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1], email: executive.email, password: ACCOUNT_PASSWORD })
      .expect(303);
    expect(setCookie(signedIn, 'rongrian_staff')).toMatch(/Secure/);
  });

  it('leads an integrity officer through enrolment, then asks for the code at every sign-in', async () => {
    const integrity = await accounts.create('integrity');
    const browser = new ConsoleClient(t);
    const enrol = await browser.signIn(integrity.email, ACCOUNT_PASSWORD, 200);
    expect(enrol.text).toContain('ตั้งค่าการยืนยันตัวตนสองขั้นตอน');
    const secret = /data-testid="otp-secret">([^<]+)</.exec(enrol.text)?.[1].replace(/ /g, '') ?? '';
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(enrol.text)?.[1] ?? '';
    const fields = { enrolmentToken: field('enrolmentToken'), secret: field('secret'), otpauthUri: field('otpauthUri').replace(/&amp;/g, '&') };

    const wrong = await browser.post('/staff/login/enrol', { ...fields, otp: '000000' }, 400, '/staff/login');
    expect(wrong.text).toContain(secret.slice(0, 4));
    const done = await browser.post('/staff/login/enrol', { ...fields, otp: totpCodeAt(secret, clock.now()) }, 200, '/staff/login');
    expect(done.text.match(/<li><code>/g)).toHaveLength(10);
    expect(await sessionsOf(integrity.id)).toBe(1);

    clock.advance(60_000);
    const again = new ConsoleClient(t);
    const asked = await again.signIn(integrity.email, ACCOUNT_PASSWORD, 200);
    expect(asked.text).toContain('name="otp"');
    await again.signIn(integrity.email, ACCOUNT_PASSWORD, 401, { otp: '123456' });
    const inside = await again.signIn(integrity.email, ACCOUNT_PASSWORD, 303, { otp: totpCodeAt(secret, clock.now()) });
    expect(inside.headers.location).toBe('/staff');
  });
});
