import sharp from 'sharp';
import { STAFF } from '../support/auth';
import { registerCase } from '../support/cases';
import { TEST_PASSWORD } from '../support/constants';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { tokensNow } from '../reports/clock-tokens';
import { ConsoleClient } from '../staff-console/console-client';

/** The administration pages over HTTP, as a browser uses them: a session, forms with their CSRF token, redirects. */
describe('staff console: administration pages', () => {
  let t: TestApp;
  let admin: ConsoleClient;
  const created: string[] = [];

  const audited = async (action: string, extra = '') =>
    (await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1 ${extra}`, [action]))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = new ConsoleClient(t);
    await admin.signIn(STAFF.admin, TEST_PASSWORD, 303);
  });
  afterAll(async () => {
    await t.db.query(`DELETE FROM users WHERE email = ANY($1)`, [created]);
    await t.db.query(`DELETE FROM categories WHERE code LIKE 'conadm_%'`);
    await t.db.query(`DELETE FROM departments WHERE code LIKE 'conadm_%'`);
    await t.db.query(`DELETE FROM holidays WHERE name_en = 'Console test day'`);
    await t.db.query(`DELETE FROM settings`);
    await t.db.query(`DELETE FROM site_logo`);
    await resetCases(t.db);
    await t?.close();
  });

  it('is for administrators only: others get 403, a visitor the sign-in page', async () => {
    const executive = new ConsoleClient(t);
    await executive.signIn(STAFF.executive, TEST_PASSWORD, 303);
    for (const path of ['/staff/admin/users', '/staff/admin/settings', '/staff/admin/audit', '/staff/admin/notifications', '/staff/admin/holidays']) {
      await executive.get(path).expect(403);
      const visitor = await new ConsoleClient(t).get(path).expect(303);
      expect(visitor.headers.location).toBe(`/staff/login?next=${encodeURIComponent(path)}`);
    }
  });

  it('leads from /staff/admin to its first page', async () => {
    expect((await admin.get('/staff/admin').expect(303)).headers.location).toBe('/staff/admin/users');
  });

  it('refuses a form posted without its CSRF token', async () => {
    const res = await admin.agent.post('/staff/admin/departments').type('form').send({ code: 'conadm_x', nameTh: 'ก', nameEn: 'x' });
    expect(res.status).toBe(403);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM departments WHERE code = 'conadm_x'`))[0].n).toBe(0);
  });

  it('adds a user, refuses a taken email beside its field, edits, resets the second factor and deactivates, all audited', async () => {
    const email = 'conadm.new@example.go.th';
    created.push(email);
    const works = (await t.db.query(`SELECT id FROM departments WHERE code = 'works'`))[0].id;
    const add = await admin.post('/staff/admin/users', { displayName: 'สมศรี ทดสอบ', email, role: 'officer', departmentId: works, password: 'a-long-password-1' }, 303);
    expect(add.status).toBe(303);
    expect(add.headers.location).toBe('/staff/admin/users?done=created');
    const [user] = await t.db.query(`SELECT id, role FROM users WHERE email = $1`, [email]);
    expect(user.role).toBe('officer');
    expect(await audited('user_create', `AND subject_user_id = '${user.id}'`)).toBe(1);

    const again = await admin.post('/staff/admin/users', { displayName: 'ซ้ำ', email, role: 'center', departmentId: '', password: 'a-long-password-1' }, 400);
    expect(again.text).toContain('มีผู้ใช้ค่านี้แล้ว');
    expect(again.text).toContain('value="ซ้ำ"');
    expect(again.text).not.toContain('a-long-password-1');

    // A head needs a department: the form comes back with the reason beside the field.
    const noDept = await admin.post(`/staff/admin/users/${user.id}`, { displayName: 'สมศรี ทดสอบ', role: 'head', departmentId: '' }, 400);
    expect(noDept.text).toMatch(/id="f-departmentId-error">เจ้าหน้าที่กองและหัวหน้ากองต้องสังกัดหน่วยงาน/);
    await admin.post(`/staff/admin/users/${user.id}`, { displayName: 'สมศรี หัวหน้า', role: 'head', departmentId: works }, 303);
    expect((await t.db.query(`SELECT role, display_name FROM users WHERE id = $1`, [user.id]))[0]).toEqual({ role: 'head', display_name: 'สมศรี หัวหน้า' });

    await admin.post(`/staff/admin/users/${user.id}/otp-reset`, {}, 303, `/staff/admin/users/${user.id}`);
    expect(await audited('otp_reset', `AND subject_user_id = '${user.id}'`)).toBe(1);

    const them = new ConsoleClient(t);
    await them.signIn(email, 'a-long-password-1', 303);
    await them.get('/staff').expect(200);
    const off = await admin.post(`/staff/admin/users/${user.id}/active`, { active: 'false' }, 303, `/staff/admin/users/${user.id}`);
    expect(off.headers.location).toBe(`/staff/admin/users/${user.id}?done=deactivated`);
    expect((await t.db.query(`SELECT active FROM users WHERE id = $1`, [user.id]))[0].active).toBe(false);
    // Signed out everywhere at once.
    await them.get('/staff').expect(303);
    expect((await admin.get(`/staff/admin/users/${user.id}?done=deactivated`).expect(200)).text).toContain('เปิดใช้บัญชีอีกครั้ง');
  });

  it('will not let an administrator deactivate themself', async () => {
    const [me] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [STAFF.admin]);
    const res = await admin.post(`/staff/admin/users/${me.id}/active`, { active: 'false' }, 400, `/staff/admin/users/${me.id}`);
    expect(res.text).toContain('ผู้ดูแลระบบระงับบัญชีของตนเองไม่ได้');
  });

  it('answers 404 for an id that names nothing', async () => {
    await admin.get('/staff/admin/users/not-a-uuid').expect(404);
    await admin.get('/staff/admin/departments/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('adds and retires departments and categories', async () => {
    await admin.post('/staff/admin/departments', { code: 'conadm_parks', nameTh: 'กองสวน', nameEn: 'Parks' }, 303);
    const [dept] = await t.db.query(`SELECT id FROM departments WHERE code = 'conadm_parks'`);
    const taken = await admin.post('/staff/admin/departments', { code: 'conadm_parks', nameTh: 'ซ้ำ', nameEn: 'Again' }, 400);
    expect(taken.text).toContain('id="f-code-error"');
    await admin.post('/staff/admin/categories', { code: 'conadm_trees', kind: 'general', nameTh: 'ต้นไม้', nameEn: 'Trees', defaultDepartmentId: dept.id }, 303);
    const [cat] = await t.db.query(`SELECT id, default_department_id AS d FROM categories WHERE code = 'conadm_trees'`);
    expect(cat.d).toBe(dept.id);
    // Still in use by an active category: the department cannot be retired yet.
    const inUse = await admin.post(`/staff/admin/departments/${dept.id}`, { nameTh: 'กองสวน', nameEn: 'Parks' }, 400, `/staff/admin/departments/${dept.id}`);
    expect(inUse.text).toContain('ยังมีผู้ใช้หรือประเภทเรื่องที่ใช้งานอยู่อ้างถึงหน่วยงานนี้');
    await admin.post(`/staff/admin/categories/${cat.id}`, { nameTh: 'ต้นไม้', nameEn: 'Trees', defaultDepartmentId: '' }, 303, `/staff/admin/categories/${cat.id}`);
    await admin.post(`/staff/admin/departments/${dept.id}`, { nameTh: 'กองสวน', nameEn: 'Parks' }, 303, `/staff/admin/departments/${dept.id}`);
    expect((await t.db.query(`SELECT active FROM departments WHERE id = $1`, [dept.id]))[0].active).toBe(false);
    // Each change is in the audit log, the refused one not.
    expect(await audited('department_create', `AND details->>'departmentId' = '${dept.id}'`)).toBe(1);
    expect(await audited('department_update', `AND details->>'departmentId' = '${dept.id}'`)).toBe(1);
    expect(await audited('category_create', `AND details->>'categoryId' = '${cat.id}'`)).toBe(1);
    const [change] = await t.db.query(`SELECT details FROM audit_log WHERE action = 'category_update' AND details->>'categoryId' = $1`, [cat.id]);
    expect(change.details.fields.sort()).toEqual(['active', 'defaultDepartmentId', 'nameEn', 'nameTh']);
  });

  it('adds and removes a special holiday', async () => {
    const year = new Date().getFullYear();
    const date = `${year}-12-29`;
    await admin.post('/staff/admin/holidays', { date, nameTh: 'วันทดสอบ', nameEn: 'Console test day' }, 303);
    const page = await admin.get(`/staff/admin/holidays?year=${year}`).expect(200);
    expect(page.text).toContain(`action="/staff/admin/holidays/${date}/remove"`);
    const bad = await admin.post('/staff/admin/holidays', { date: `${year}-02-30`, nameTh: 'x', nameEn: 'x' }, 400);
    expect(bad.text).toContain('id="f-date-error"');
    await admin.post(`/staff/admin/holidays/${date}/remove`, {}, 303, `/staff/admin/holidays?year=${year}`);
    expect(await audited('holiday_remove', `AND details->>'date' = '${date}'`)).toBeGreaterThanOrEqual(1);
  });

  it('saves the settings through the settings service, and brings a wrong value back beside its field', async () => {
    const form = {
      'organisation.nameTh': 'เทศบาลตำบลทดสอบ',
      'organisation.nameEn': 'Test Municipality',
      'contact.phone': '053-000-111',
      'contact.line': '@test',
      'deadline.mode': 'working',
      'deadline.reminderDaysBefore': '5, 2',
      'identity.revealNeedsApproval': 'true',
      'security.otpRequiredRoles': 'admin',
    };
    const before = await audited('settings_change');
    const bad = await admin.post('/staff/admin/settings', { ...form, 'deadline.reminderDaysBefore': '5, 30' }, 400);
    expect(bad.text).toContain('id="f-deadline-reminderDaysBefore-error"');
    expect(bad.text).toContain('value="เทศบาลตำบลทดสอบ"');
    await admin.post('/staff/admin/settings', form, 303);
    expect(await audited('settings_change')).toBe(before + 1);
    const saved = Object.fromEntries((await t.db.query(`SELECT key, value FROM settings`)).map((r: { key: string; value: unknown }) => [r.key, r.value]));
    expect(saved.deadline).toEqual({ mode: 'working', reminderDaysBefore: [5, 2] });
    expect(saved.identity).toEqual({ revealNeedsApproval: true });
    expect(saved.security.otpRequiredRoles.sort()).toEqual(['admin', 'integrity']);
    expect(saved.contact).toMatchObject({ phone: '053-000-111', line: '@test', email: null });
    // The home page shows the new name and channels.
    const home = await admin.agent.get('/').expect(200);
    expect(home.text).toContain('เทศบาลตำบลทดสอบ');
    expect(home.text).toContain('@test');
  });

  it('uploads the logo with the token in the form’s address', async () => {
    const page = await admin.get('/staff/admin/settings').expect(200);
    const action = /action="(\/staff\/admin\/settings\/logo\?_csrf=[^"]+)"/.exec(page.text)?.[1].replace(/&amp;/g, '&');
    expect(action).toBeDefined();
    const png = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#0b5394' } }).png().toBuffer();
    await admin.agent.post(action as string).attach('logo', png, 'logo.png').expect(303);
    expect((await admin.agent.get('/').expect(200)).text).toContain('class="logo"');
    const svg = await admin.agent.post(action as string).attach('logo', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg').expect(400);
    expect(svg.text).toContain('ตราสัญลักษณ์ต้องเป็นไฟล์ PNG, JPEG หรือ WebP');
    // Without the token the upload is refused before it is read.
    await admin.agent.post('/staff/admin/settings/logo').attach('logo', png, 'logo.png').expect(403);
  });

  it('filters the audit log, and names a wrong filter beside its field', async () => {
    const page = await admin.get('/staff/admin/audit?action=user_create').expect(200);
    expect(page.text).toContain('เพิ่มผู้ใช้');
    expect(page.text).not.toMatch(/<td>เข้าสู่ระบบ<\/td>/);
    const bad = await admin.get('/staff/admin/audit?caseId=nope').expect(400);
    expect(bad.text).toContain('id="f-caseId-error"');
  });

  it('lists a failed email and puts it back in line', async () => {
    const tokens = await tokensNow(t);
    const c = await registerCase(t, tokens.center);
    // TypeORM answers an UPDATE with [rows, count].
    const [[n]] = await t.db.query(`UPDATE notifications SET status = 'failed', last_error = '550 refused' WHERE case_id = $1 RETURNING id`, [c.id]);
    const page = await admin.get('/staff/admin/notifications').expect(200);
    expect(page.text).toContain(c.referenceNo);
    expect(page.text).toContain(`action="/staff/admin/notifications/${n.id}/retry"`);
    const res = await admin.post(`/staff/admin/notifications/${n.id}/retry`, {}, 303, '/staff/admin/notifications');
    expect(res.headers.location).toBe('/staff/admin/notifications?done=retried');
    expect(await audited('notification_retry', `AND details->>'notificationId' = '${n.id}'`)).toBe(1);
  });
});
