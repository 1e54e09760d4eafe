import request from 'supertest';
import { staffTokens, STAFF } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { CreatedRows } from './admin-fixtures';

describe('settings and the audit log', () => {
  let t: TestApp;
  let tok: Awaited<ReturnType<typeof staffTokens>>;
  const created = new CreatedRows(() => t);

  beforeAll(async () => {
    t = await startTestApp({ ORG_NAME_TH: 'เทศบาลตำบลทดสอบ', ORG_PHONE: '053-123-456' });
    tok = await staffTokens(t);
  });
  afterAll(async () => {
    await t.db.query(`DELETE FROM settings`);
    await created.removeAll();
    await t.close();
  });

  const patch = (body: Record<string, unknown>, auth = tok.admin) =>
    request(t.http).patch('/api/v1/settings').set('Authorization', auth).send(body);

  it('starts from the environment and keeps what the administrator saves, group by group', async () => {
    const before = (await request(t.http).get('/api/v1/settings').set('Authorization', tok.admin).expect(200)).body;
    expect(before).toMatchObject({
      organisation: { nameTh: 'เทศบาลตำบลทดสอบ' },
      contact: { phone: '053-123-456' },
      deadline: { mode: 'calendar', reminderDaysBefore: [3, 1] },
      identity: { revealNeedsApproval: false },
      security: { otpRequiredRoles: ['integrity'] },
    });
    const after = (await patch({ deadline: { mode: 'working', reminderDaysBefore: [1, 5] }, contact: { line: '@tessaban', phone: '' } }).expect(200)).body;
    expect(after.deadline).toEqual({ mode: 'working', reminderDaysBefore: [5, 1] });
    expect(after.contact.line).toBe('@tessaban');
    expect(after.contact.phone).toBeNull();
    expect(after.organisation.nameTh).toBe('เทศบาลตำบลทดสอบ');
  });

  it('refuses bad values with the field named, and integrity can never lose its second factor', async () => {
    const bad = await patch({ deadline: { mode: 'weekly' } }).expect(400);
    expect(bad.body.details[0].field).toBe('deadline.mode');
    const exempt = await patch({ security: { otpRequiredRoles: ['admin'] } }).expect(400);
    expect(exempt.body.details[0]).toMatchObject({ field: 'security.otpRequiredRoles', code: 'integrityRequired' });
    await patch({ identity: { revealNeedsApproval: true } }, tok.center).expect(403);
  });

  it('records setting and user changes for the administrator to list, newest first, page by page', async () => {
    const from = new Date().toISOString();
    await patch({ identity: { revealNeedsApproval: true } }).expect(200);
    const user = await created.user(tok.admin);
    await request(t.http).patch(`/api/v1/users/${user.id}`).set('Authorization', tok.admin).send({ displayName: 'ชื่อใหม่', password: 'another-long-password' }).expect(200);

    const [{ id: adminId }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [STAFF.admin]);
    // This test's own entries only: by actor (other staff's sign-ins interleave) and by the moments around its own
    // actions, to the millisecond (earlier test files in this database moved their clocks, and their entries may stand
    // "newer" than ours: one, an administrator's two-factor reset, once stood within a second of them).
    const to = new Date(Date.now() + 1).toISOString();
    const mine = `actorId=${adminId}&from=${from}&to=${to}`;
    const first = (await request(t.http).get(`/api/v1/audit?limit=2&${mine}`).set('Authorization', tok.admin).expect(200)).body;
    expect(first.items.map((i: { action: string }) => i.action)).toEqual(['user_update', 'user_create']);
    expect(first.items[0]).toMatchObject({ actorId: adminId, subjectUserId: user.id, details: { fields: ['displayName', 'password'] } });
    expect(JSON.stringify(first)).not.toContain('another-long-password');
    const second = (await request(t.http).get(`/api/v1/audit?limit=2&${mine}&cursor=${first.nextCursor}`).set('Authorization', tok.admin).expect(200)).body;
    expect(second.items[0]).toMatchObject({ action: 'settings_change', details: { groups: ['identity'] } });

    const filtered = (await request(t.http).get('/api/v1/audit?action=user_create').set('Authorization', tok.admin).expect(200)).body;
    expect(filtered.items.every((i: { action: string }) => i.action === 'user_create')).toBe(true);
    await request(t.http).get('/api/v1/audit').set('Authorization', tok.executive).expect(403);
    await request(t.http).get('/api/v1/audit?cursor=bm90LWEtY3Vyc29y').set('Authorization', tok.admin).expect(400);
  });

  it('keeps the audit log append-only', async () => {
    await expect(t.db.query(`UPDATE audit_log SET reason = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });
});
