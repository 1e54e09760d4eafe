import request from 'supertest';
import { staffTokens } from '../support/auth';
import { registerCase } from '../support/cases';
import { startTestApp, TestApp } from '../support/test-app';

describe('citizen pages, finished', () => {
  let t: TestApp;
  let tok: Awaited<ReturnType<typeof staffTokens>>;

  beforeAll(async () => {
    t = await startTestApp({ ORG_PHONE: '053-111-222', ORG_EMAIL: 'saraban@example.go.th' });
    tok = await staffTokens(t);
  });
  afterAll(async () => {
    await t.db.query(`DELETE FROM settings`);
    await t.close();
  });

  it('shows every contact channel the organisation has, and none that it lacks', async () => {
    await request(t.http)
      .patch('/api/v1/settings')
      .set('Authorization', tok.admin)
      .send({ contact: { line: '@tessaban', complaintBox: 'หน้าอาคารสำนักงาน ชั้น 1', officeHours: 'จันทร์–ศุกร์ 08:30–16:30 น.', address: '' } })
      .expect(200);
    const home = (await request(t.http).get('/').expect(200)).text;
    expect(home).toContain('href="tel:053111222"');
    expect(home).toContain('mailto:saraban@example.go.th');
    expect(home).toContain('LINE @tessaban');
    expect(home).toContain('หน้าอาคารสำนักงาน ชั้น 1');
    // No address: neither the letter nor the walk-in line, and no empty Facebook line.
    expect(home).not.toContain('หนังสือหรือจดหมาย');
    expect(home).not.toContain('Facebook <');
    expect(home).toContain('href="/report"');
  });

  it('has a description, an icon, and a privacy notice linked from the consent box', async () => {
    const form = (await request(t.http).get('/complaints/new').expect(200)).text;
    expect(form).toMatch(/<meta name="description" content="[^"]+">/);
    expect(form).toContain('<link rel="icon" href="/assets/favicon.svg"');
    expect(form).toContain('href="/privacy"');
    await request(t.http).get('/assets/favicon.svg').expect(200).expect('content-type', /svg/);
    const privacy = (await request(t.http).get('/privacy').expect(200)).text;
    expect(privacy).toContain('พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล');
    expect(privacy).toContain('saraban@example.go.th');
    expect((await request(t.http).get('/privacy?lang=en').expect(200)).text).toContain('Personal Data Protection Act');
  });

  it('writes times the Thai way, and says what is wrong with a code instead of repeating the title', async () => {
    const c = await registerCase(t, tok.center);
    const tracked = await request(t.http).post('/track').type('form').send({ code: c.trackingCode }).expect(200);
    expect(tracked.text).toMatch(/เวลา \d\d:\d\d น\./);
    const wrong = await request(t.http).post('/track').type('form').send({ code: 'AAAA-AAAA-AAA' }).expect(400);
    expect(wrong.text).toContain('ตรวจสอบรหัสติดตามไม่ได้');
    expect(wrong.text).toContain('id="error-summary" autofocus');
  });

  it('keeps the tracking code out of every link it prints after filing', async () => {
    const filed = await request(t.http)
      .post('/complaints/new')
      .type('form')
      .send({ subject: 'ถนนเป็นหลุม', description: 'หน้าโรงเรียน', 'complainant.name': 'สมศักดิ์', consent: 'yes' })
      .expect(201);
    const [{ tracking_code: code }] = await t.db.query(`SELECT tracking_code FROM cases ORDER BY created_at DESC LIMIT 1`);
    expect(filed.text).not.toMatch(new RegExp(`href="[^"]*${code}`));
    expect(filed.text).toContain('<form method="post" action="/track"');
  });
});
