import request from 'supertest';
import { ManualClock } from '../../src/common/time/clock';
import { startAttachmentsApp } from '../attachments/attachments-app';
import * as sample from '../attachments/sample-files';
import { bearer, STAFF } from '../support/auth';
import { act, departmentId, registerCase, userId } from '../support/cases';
import type { TestApp } from '../support/test-app';
import { ConsoleClient, signedIn } from './console-client';

/** The actions a case page offers, in page order. */
function offeredActions(page: string): string[] {
  return [...page.matchAll(/<input type="hidden" name="action" value="([a-z_]+)">/g)].map((m) => m[1]);
}

describe('the case page and the registration form', () => {
  let app: Awaited<ReturnType<typeof startAttachmentsApp>>;
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T03:00:00Z'));
  let center: string;
  let centerPage: ConsoleClient;
  let works: string;

  beforeAll(async () => {
    app = await startAttachmentsApp({}, { clock });
    t = app.t;
    await app.reset();
    center = await bearer(t, STAFF.center);
    centerPage = await signedIn(t, STAFF.center);
    works = await departmentId(t, 'works');
  });
  afterAll(() => app.close());

  const newCase = (overrides: Record<string, unknown> = {}) =>
    registerCase(t, center, { receivedAt: new Date(clock.now().getTime() - 3600_000).toISOString(), ...overrides });

  it('registers a phone complaint from the form, received now unless told otherwise', async () => {
    const form = (await centerPage.get('/staff/cases/new').expect(200)).text;
    expect(form).toMatch(/<option value="phone" selected>/);
    expect(form).toContain('value="2026-03-02T10:00"');

    const missing = await centerPage.post('/staff/cases/new', { channel: 'phone', receivedAt: '2026-03-02T09:15', 'complainant.name': 'สมชาย', subject: '' }, 400);
    expect(missing.text).toContain('กรุณากรอกช่องนี้');
    expect(missing.text).toContain('value="สมชาย"');

    const done = await centerPage.post(
      '/staff/cases/new',
      {
        channel: 'phone',
        receivedAt: '2026-03-02T09:15',
        'complainant.name': 'สมชาย โทรมา',
        'complainant.phone': '081-234-5678',
        subject: 'น้ำท่วมขังหน้าบ้าน',
        description: 'ฝนตกแล้วน้ำท่วมขังสองวัน',
        consent: 'yes',
      },
      201,
    );
    expect(done.text).toMatch(/data-testid="tracking-code">[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{3}</);
    const [row] = await t.db.query(`SELECT channel, received_at, subject FROM cases WHERE subject = 'น้ำท่วมขังหน้าบ้าน'`);
    expect(row.channel).toBe('phone');
    expect(new Date(row.received_at).toISOString()).toBe('2026-03-02T02:15:00.000Z');
  });

  it('offers exactly the actions the workflow allows now, previews the public message, and assigns to an officer by name', async () => {
    const c = await newCase();
    const api = await request(t.http).get(`/api/v1/cases/${c.id}`).set('Authorization', center).expect(200);
    const page = (await centerPage.get(`/staff/cases/${c.id}`).expect(200)).text;
    expect(offeredActions(page)).toEqual(api.body.allowedActions);
    expect(page).toContain('href="tel:0891112222"');

    const preview = await centerPage.post(`/staff/cases/${c.id}`, { action: 'accept', message: 'รับเรื่องไว้พิจารณาแล้ว จะส่งกองช่าง', preview: '1' }, 200);
    expect(preview.text).toContain('ตัวอย่างที่ผู้ร้องจะเห็นในหน้าติดตามเรื่อง');
    expect(preview.text).toMatch(/<strong>รับพิจารณาแล้ว<\/strong>\s*<p>รับเรื่องไว้พิจารณาแล้ว จะส่งกองช่าง<\/p>/);
    expect((await t.db.query(`SELECT status FROM cases WHERE id = $1`, [c.id]))[0].status).toBe('received');

    const accepted = await centerPage.post(`/staff/cases/${c.id}`, { action: 'accept', message: 'รับเรื่องไว้พิจารณาแล้ว' }, 303);
    expect(accepted.headers.location).toBe(`/staff/cases/${c.id}?done=accept`);
    const officer = await userId(t, STAFF.works);
    const assignForm = (await centerPage.get(`/staff/cases/${c.id}`).expect(200)).text;
    expect(assignForm).toMatch(new RegExp(`<option value="${officer}">[^<]+\\(เจ้าหน้าที่กอง\\)</option>`));
    await centerPage.post(`/staff/cases/${c.id}`, { action: 'assign', departmentId: works, assigneeId: officer }, 303);
    const [row] = await t.db.query(`SELECT status, department_id, assignee_id FROM cases WHERE id = $1`, [c.id]);
    expect(row).toEqual({ status: 'assigned', department_id: works, assignee_id: officer });

    // The timeline tells what the complainant sees from what stays inside.
    await centerPage.post(`/staff/cases/${c.id}`, { action: 'note', message: 'โทรประสานกองช่างแล้ว' }, 303);
    const after = (await centerPage.get(`/staff/cases/${c.id}?done=note`).expect(200)).text;
    expect(after).toContain('บันทึกแล้ว: บันทึกภายใน');
    expect(after).toMatch(/<li class="internal">[\s\S]*?บันทึกภายใน[\s\S]*?ภายในเท่านั้น[\s\S]*?โทรประสานกองช่างแล้ว/);
    expect(after).toMatch(/<li class="public">[\s\S]*?รับพิจารณา[\s\S]*?ผู้ร้องเห็น/);
  });

  it('puts errors beside the action’s field, and answers an action no longer allowed with the fresh page', async () => {
    const c = await newCase();
    const missing = await centerPage.post(`/staff/cases/${c.id}`, { action: 'reject', message: '' }, 400);
    expect(missing.text).toMatch(/<details class="action" id="action-reject" open>[\s\S]*?กรุณากรอกช่องนี้/);
    const token = await centerPage.tokenOf(`/staff/cases/${c.id}`);
    await centerPage.post(`/staff/cases/${c.id}`, { action: 'accept' }, 303);
    const stale = await centerPage.agent.post(`/staff/cases/${c.id}`).set('Accept', 'text/html').type('form').send({ _csrf: token, action: 'accept' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('ทำรายการนี้ไม่ได้ในสถานะปัจจุบัน');
  });

  it('refuses an action posted without its CSRF token', async () => {
    const c = await newCase();
    await centerPage.agent.post(`/staff/cases/${c.id}`).set('Accept', 'text/html').type('form').send({ action: 'accept' }).expect(403);
    expect((await t.db.query(`SELECT status FROM cases WHERE id = $1`, [c.id]))[0].status).toBe('received');
  });

  it('shows a department its own cases only: another department’s case is the same 404 as none', async () => {
    const c = await newCase();
    await act(t, center, c.id, { action: 'assign', departmentId: works }).expect(200);
    const worksPage = await signedIn(t, STAFF.works);
    const own = (await worksPage.get(`/staff/cases/${c.id}`).expect(200)).text;
    expect(offeredActions(own)).toEqual(['start', 'note', 'update', 'explain', 'resolve']);
    const finance = await signedIn(t, STAFF.finance);
    await finance.get(`/staff/cases/${c.id}`).expect(404);
    await finance.get('/staff/cases/00000000-0000-4000-8000-000000000000').expect(404);
    await finance.post(`/staff/cases/${c.id}`, { action: 'note', message: 'x' }, 404, '/staff');
  });

  it('links attachments for download under the API’s rules: executives see names, not files', async () => {
    const c = await newCase();
    const uploaded = await request(t.http)
      .post(`/api/v1/cases/${c.id}/attachments`)
      .set('Authorization', center)
      .attach('files', sample.png(), 'ภาพถ่าย.png')
      .expect(201);
    const id = uploaded.body.items[0].id;
    const page = (await centerPage.get(`/staff/cases/${c.id}`).expect(200)).text;
    expect(page).toContain(`href="/staff/cases/${c.id}/attachments/${id}" download>ภาพถ่าย.png</a>`);
    const file = await centerPage.get(`/staff/cases/${c.id}/attachments/${id}`).expect(200);
    expect(file.headers['content-type']).toBe('image/png');

    const executive = await signedIn(t, STAFF.executive);
    const seen = (await executive.get(`/staff/cases/${c.id}`).expect(200)).text;
    expect(seen).toContain('ภาพถ่าย.png');
    expect(seen).not.toContain(`/attachments/${id}"`);
    expect(offeredActions(seen)).toEqual([]);
    await executive.get(`/staff/cases/${c.id}/attachments/${id}`).expect(403);
  });
});
