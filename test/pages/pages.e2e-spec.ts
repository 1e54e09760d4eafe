import request from 'supertest';
import { countRows, resetCases, startTestApp, TestApp } from '../support/test-app';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

const validForm = {
  subject: 'ถนนเป็นหลุม',
  categoryCode: 'roads',
  description: 'ถนนหน้าโรงเรียนเป็นหลุมลึก รถจักรยานยนต์ล้มบ่อย',
  location: 'ถนนเทศบาล 3',
  'complainant.name': 'สมปอง รักดี',
  'complainant.email': 'sompong@example.com',
  'complainant.phone': '0891234567',
  consent: 'yes',
};

describe('public pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => resetCases(t.db));

  it('renders the home page in Thai with the channels and the process, and English on request', async () => {
    const th = await request(t.http).get('/').expect(200).expect('content-type', /text\/html/);
    expect(th.text).toContain('<html lang="th">');
    expect(th.text).toContain('ช่องทางการร้องเรียน');
    expect(th.text).toContain('15 วัน');
    expect(th.text).toContain('href="/?lang=en"');
    const en = await request(t.http).get('/?lang=en').expect(200);
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('How to complain');
    expect(en.text).toContain('href="/complaints/new?lang=en"');
  });

  it('serves the stylesheet from this server', async () => {
    await request(t.http).get('/assets/app.css').expect(200).expect('content-type', /text\/css/);
  });

  it('labels every form control', async () => {
    const res = await request(t.http).get('/complaints/new').expect(200);
    const ids = [...res.text.matchAll(/<(?:input|textarea|select)[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(9);
    for (const id of ids) expect(res.text).toContain(`<label for="${id}"`);
    expect(res.text).toContain('<option value="street_lights">ไฟฟ้าสาธารณะ</option>');
  });

  it('files from the plain HTML form and shows the tracking code', async () => {
    const res = await request(t.http)
      .post('/complaints/new')
      .set('content-type', 'application/x-www-form-urlencoded')
      .send(form(validForm))
      .expect(201);
    const [row] = await t.db.query(`SELECT tracking_code, reference_no, channel FROM cases`);
    const code: string = row.tracking_code;
    expect(res.text).toContain(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);
    expect(res.text).toContain('โปรดจดหรือบันทึกรหัสนี้ไว้');
    expect(res.text).toContain(row.reference_no);
    expect(row.channel).toBe('web');
  });

  it('shows errors next to the fields, keeps what was typed, and writes nothing', async () => {
    const res = await request(t.http)
      .post('/complaints/new')
      .set('content-type', 'application/x-www-form-urlencoded')
      .send(form({ ...validForm, subject: '', 'complainant.email': 'not-an-email', consent: '' }))
      .expect(400);
    expect(res.text).toContain('id="f-subject-error"');
    expect(res.text).toMatch(/id="f-complainant-email"[^>]*aria-invalid="true"/);
    expect(res.text).toContain('รูปแบบอีเมลไม่ถูกต้อง');
    expect(res.text).toContain('กรุณาให้ความยินยอมก่อนส่งเรื่อง');
    expect(res.text).toContain('value="not-an-email"');
    expect(res.text).toContain('ถนนหน้าโรงเรียนเป็นหลุมลึก');
    expect(res.text).toContain('<option value="roads" selected>');
    expect(await countRows(t.db)).toMatchObject({ cases: 0, complainants: 0, events: 0 });
  });

  it('escapes what was typed when it shows it back', async () => {
    const res = await request(t.http)
      .post('/complaints/new')
      .set('content-type', 'application/x-www-form-urlencoded')
      .send(form({ ...validForm, subject: '', description: '<script>alert(1)</script>' }))
      .expect(400);
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('answers in English when the form was in English', async () => {
    const res = await request(t.http)
      .post('/complaints/new')
      .set('content-type', 'application/x-www-form-urlencoded')
      .send(form({ ...validForm, lang: 'en', subject: '' }))
      .expect(400);
    expect(res.text).toContain('Please fill in this field');
  });

  it('tracks by code on the track page, and explains a wrong code', async () => {
    await request(t.http)
      .post('/complaints/new')
      .set('content-type', 'application/x-www-form-urlencoded')
      .send(form(validForm))
      .expect(201);
    const [{ tracking_code: code, reference_no: ref }] = await t.db.query(`SELECT tracking_code, reference_no FROM cases`);

    const found = await request(t.http).get(`/track?code=${code.toLowerCase()}`).expect(200);
    expect(found.text).toContain(ref);
    expect(found.text).toContain('รับเรื่องแล้ว');
    expect(found.text).toContain('ได้รับเรื่องร้องเรียนแล้ว');

    const typo = await request(t.http).get(`/track?code=${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`).expect(400);
    expect(typo.text).toContain('รหัสติดตามไม่ถูกต้อง');

    await request(t.http).get('/track').expect(200);
  });

  it('answers a browser with an HTML page for unknown paths', async () => {
    const res = await request(t.http).get('/no-such-page').set('accept', 'text/html').expect(404);
    expect(res.text).toContain('ไม่พบหน้าที่ต้องการ');
  });
});
