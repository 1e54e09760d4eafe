import { ManualClock } from '../../src/common/time/clock';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { Accounts, auditOf, login } from './accounts';

const reasons = async (t: TestApp, id: string) =>
  (await auditOf(t, id)).filter((r) => r.action === 'sign_in_failed').map((r) => r.details?.reason);

describe('locking an account after failed sign-ins', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  const accounts = new Accounts(() => t);

  beforeAll(async () => {
    // The per-client limit is another test's subject: out of the way here, where every guess comes from one address.
    t = await startTestApp({ AUTH_MAX_FAILED_LOGINS: '5', AUTH_LOCKOUT_MINUTES: '15', AUTH_SIGN_IN_RATE_LIMIT: '1000' }, { clock });
  });
  afterAll(async () => {
    await accounts.removeAll();
    await t.close();
  });

  it('verifies no more than 5 of 40 parallel wrong passwords, and locks from the fifth on', async () => {
    const a = await accounts.create();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(t, { email: a.email, password: `guess-${i}` })));
    expect(answers.map((r) => r.status)).toEqual(Array(40).fill(401));

    const failed = await reasons(t, a.id);
    expect(failed.filter((r) => r === 'wrong_password')).toHaveLength(5);
    expect(failed.filter((r) => r === 'locked')).toHaveLength(35);
    const [row] = await t.db.query(`SELECT failed_logins, locked_until FROM users WHERE id = $1`, [a.id]);
    expect(row.failed_logins).toBe(5);
    expect(new Date(row.locked_until)).toEqual(new Date(clock.now().getTime() + 15 * 60_000));
    expect((await auditOf(t, a.id)).filter((r) => r.action === 'account_locked')).toEqual([
      expect.objectContaining({ actor_id: a.id, details: { failedAttempts: 5, lockedUntil: row.locked_until.toISOString() } }),
    ]);
  });

  it('refuses the right password arriving in a burst once the attempts are taken, with the same answer as a wrong one', async () => {
    const a = await accounts.create();
    // Promise.all sends them: a supertest request goes out when it is awaited.
    const burst = Promise.all(Array.from({ length: 60 }, (_, i) => login(t, { email: a.email, password: `guess-${i}` })));
    // Wait only until the five attempts are claimed: their checks may still be running.
    await waitFor(
      async () => (await t.db.query(`SELECT failed_logins >= 5 AS claimed FROM users WHERE id = $1`, [a.id]))[0].claimed,
      { intervalMs: 5, what: 'five claimed attempts' },
    );
    const right = await login(t, { email: a.email });
    const wrong = await burst;
    expect(right.status).toBe(401);
    expect(right.body).toEqual(wrong[0].body);
    expect((await reasons(t, a.id)).filter((r) => r === 'wrong_password')).toHaveLength(5);
    expect((await auditOf(t, a.id)).some((r) => r.action === 'sign_in')).toBe(false);
  });

  it('starts counting afresh when a lock runs out: one more wrong guess does not lock again', async () => {
    const a = await accounts.create();
    for (let i = 0; i < 5; i++) await login(t, { email: a.email, password: 'wrong' }).expect(401);
    clock.advance(14 * 60_000);
    await login(t, { email: a.email }).expect(401);

    clock.advance(60_000 + 1000);
    await login(t, { email: a.email, password: 'wrong-again' }).expect(401);
    const [row] = await t.db.query(`SELECT failed_logins, locked_until FROM users WHERE id = $1`, [a.id]);
    expect(row).toEqual({ failed_logins: 1, locked_until: null });
    await login(t, { email: a.email }).expect(200);
    const [after] = await t.db.query(`SELECT failed_logins FROM users WHERE id = $1`, [a.id]);
    expect(after.failed_logins).toBe(0);
  });

  it('records sign-ins and refusals without the password or the address', async () => {
    const a = await accounts.create();
    await login(t, { email: a.email, password: 'not-the-password-xyz' }).expect(401);
    await login(t, { email: a.email }).expect(200);
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [a.id]);
    await login(t, { email: a.email }).expect(401);

    const rows = await auditOf(t, a.id);
    expect(rows.map((r) => [r.action, r.actor_id, r.details])).toEqual([
      ['sign_in_failed', a.id, { reason: 'wrong_password' }],
      ['sign_in', a.id, { secondFactor: 'none' }],
      ['sign_in_failed', a.id, { reason: 'inactive' }],
    ]);
    const unknown = `nobody-${a.id}@example.go.th`;
    await login(t, { email: unknown, password: 'typed-into-the-wrong-box' }).expect(401);
    const all = JSON.stringify(await t.db.query(`SELECT * FROM audit_log`));
    expect(all).not.toMatch(/not-the-password-xyz|typed-into-the-wrong-box|127\.0\.0\.1|::1/);
    expect(all).not.toContain(unknown);
    const [last] = await t.db.query(`SELECT actor_id, subject_user_id, details FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(last).toEqual({ actor_id: null, subject_user_id: null, details: { reason: 'unknown_account' } });
  });
});

