import { STAFF } from '../support/auth';
import { registerCase } from '../support/cases';
import { TEST_PASSWORD } from '../support/constants';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { tokensNow } from '../reports/clock-tokens';
import { ConsoleClient } from '../staff-console/console-client';

describe('staff console: the executive dashboard', () => {
  let t: TestApp;
  let executive: ConsoleClient;

  beforeAll(async () => {
    t = await startTestApp();
    await resetCases(t.db);
    const tokens = await tokensNow(t);
    await registerCase(t, tokens.center, { channel: 'phone' });
    await registerCase(t, tokens.center, { channel: 'phone', receivedAt: new Date(Date.now() - 20 * 86400_000).toISOString() });
    executive = new ConsoleClient(t);
  });
  afterAll(async () => {
    await resetCases(t.db);
    await t?.close();
  });

  it('is where an executive lands after signing in', async () => {
    const signedIn = await executive.signIn(STAFF.executive, TEST_PASSWORD, 303);
    expect(signedIn.headers.location).toBe('/staff/dashboard');
    const page = await executive.get('/staff/dashboard').expect(200);
    expect(page.text).toMatch(/data-testid="year-so-far"[\s\S]*?data-figure="received">2</);
    expect(page.text).toMatch(/data-figure="overdueNow"><a href="\/staff\?view=overdue"[^>]*>1</);
    expect(page.text).toContain('href="/staff?channel=phone"');
  });

  it('gives the report files on the session, and refuses an unknown format', async () => {
    const csv = await executive.get('/staff/dashboard/report?format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(csv.headers['cache-control']).toBe('private, no-store');
    await executive.get('/staff/dashboard/report?format=docx').expect(400);
  });

  it('is not for the administrator, and sends a visitor to sign in', async () => {
    const admin = new ConsoleClient(t);
    await admin.signIn(STAFF.admin, TEST_PASSWORD, 303);
    await admin.get('/staff/dashboard').expect(403);
    await admin.get('/staff/dashboard/report?format=xlsx').expect(403);
    const visitor = await new ConsoleClient(t).get('/staff/dashboard/report?format=xlsx').expect(303);
    expect(visitor.headers.location).toMatch(/^\/staff\/login\?next=/);
  });
});
