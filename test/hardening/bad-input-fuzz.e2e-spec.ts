import request from 'supertest';
import { bearer, STAFF } from '../support/auth';
import { offlineCase, registerCase } from '../support/cases';
import { complaintBody } from '../support/factories';
import { resetCases, startTestApp, TestApp } from '../support/test-app';

/** The rows a filing writes; a refused request must leave every count as it was. */
async function writtenRows(t: TestApp): Promise<Record<string, number>> {
  const [row] = await t.db.query(`SELECT
    (SELECT count(*)::int FROM cases) AS cases,
    (SELECT count(*)::int FROM complainants) AS complainants,
    (SELECT count(*)::int FROM case_events) AS case_events,
    (SELECT count(*)::int FROM notifications) AS notifications`);
  return row;
}

const cursorOf = (value: unknown, id: unknown) => Buffer.from(JSON.stringify([value, id])).toString('base64url');

/** Values that no text field may take, each of the kind that once reached Postgres or a validator and came back 500. */
const HOSTILE_TEXT: Array<[string, unknown]> = [
  ['a NUL character', 'ไฟดับ\u0000หน้าบ้าน'],
  ['a bell character', 'ไฟดับ\u0007'],
  ['an escape sequence', '\u001b[31mred'],
  ['a C1 control', 'a\u0085b'],
  ['a lone high surrogate', 'a\ud800b'],
  ['a lone low surrogate', '\udc00'],
  ['an array', ['ไฟดับ', 'สองดวง']],
  ['an object', { th: 'ไฟดับ' }],
  ['a number', 1e308],
];

describe('hostile input is a 4xx that writes nothing, never a 500', () => {
  let t: TestApp;
  let center: string;
  let caseId: string;
  let before: Record<string, number>;

  beforeAll(async () => {
    t = await startTestApp();
    await resetCases(t.db);
    center = await bearer(t, STAFF.center);
    caseId = (await registerCase(t, center)).id;
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    before = await writtenRows(t);
  });
  afterEach(async () => {
    expect(await writtenRows(t)).toEqual(before);
  });

  const textFields = ['subject', 'description', 'location', 'categoryCode', 'complainant.name', 'complainant.email', 'complainant.phone', 'complainant.address'];

  describe.each(textFields)('POST /api/v1/complaints with %s set to', (field) => {
    it.each(HOSTILE_TEXT)('%s', async (_what, value) => {
      const body = complaintBody();
      const [outer, inner] = field.split('.');
      if (inner) (body[outer] as Record<string, unknown>)[inner] = value;
      else body[outer] = value;
      const res = await request(t.http).post('/api/v1/complaints').send(body);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  it('keeps tabs and line breaks, which a textarea sends', async () => {
    before.cases += 1;
    before.complainants += 1;
    before.case_events += 1;
    before.notifications += 1;
    const description = 'บรรทัดแรก\r\nบรรทัดสอง\n\tย่อหน้า';
    await request(t.http).post('/api/v1/complaints').send(complaintBody({ description })).expect(201);
  });

  it('refuses a control character in the staff registration, an action message and a login', async () => {
    const register = await request(t.http).post('/api/v1/cases').set('Authorization', center).send(offlineCase({ letterNo: 'x\u0000' }));
    expect(register.status).toBe(400);
    const action = await request(t.http)
      .post(`/api/v1/cases/${caseId}/actions`)
      .set('Authorization', center)
      .send({ action: 'note', message: 'บันทึก\u0000' });
    expect(action.status).toBe(400);
    expect(action.body.details).toEqual([expect.objectContaining({ field: 'message', code: 'controlCharacter' })]);
    const login = await request(t.http).post('/api/v1/auth/login').send({ email: 'center@example.go.th\u0000', password: 'x' });
    expect(login.status).toBe(400);
  });

  it('refuses a lone surrogate in an email, where isEmail used to throw', async () => {
    const filing = await request(t.http)
      .post('/api/v1/complaints')
      .set('content-type', 'application/json')
      .send('{"subject":"ไฟดับ","description":"ไฟดับ","consent":true,"complainant":{"name":"สมศรี","email":"a\\ud800@example.com"}}');
    expect(filing.status).toBe(400);
    expect(filing.body.details).toEqual([expect.objectContaining({ field: 'complainant.email', code: 'unpairedSurrogate' })]);
    const login = await request(t.http)
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email":"a\\ud800@example.com","password":"secret"}');
    expect(login.status).toBe(400);
  });

  it('refuses a staff receivedAt before 2000, which the fiscal-year check would refuse with a 500', async () => {
    for (const receivedAt of ['1900-01-01T00:00:00Z', '1956-09-30T17:00:00Z', '1999-12-31T16:59:59Z']) {
      const res = await request(t.http).post('/api/v1/cases').set('Authorization', center).send(offlineCase({ receivedAt }));
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'receivedAt', code: 'notBefore' })]);
    }
  });

  it.each([
    ['a NUL in q', 'q=%E0%B9%84%E0%B8%9F%00'],
    ['two values of q', 'q=a&q=b'],
    ['an infinite limit', 'limit=1e999'],
    ['a limit that is no number', 'limit=ten'],
    ['two limits', 'limit=1&limit=2'],
    ['two kinds', 'kind=general&kind=corruption'],
    ['a cursor on 30 February', `cursor=${cursorOf('2025-02-30T00:00:00.000Z', '22222222-2222-2222-2222-222222222222')}`],
    ['a cursor in month 13', `cursor=${cursorOf('2025-13-01T00:00:00.000Z', '22222222-2222-2222-2222-222222222222')}`],
    ['a cursor in year 0', `cursor=${cursorOf('0000-01-01T00:00:00.000Z', '22222222-2222-2222-2222-222222222222')}`],
    ['a cursor whose id is dashes', `cursor=${cursorOf('2025-01-01T00:00:00.000Z', '-'.repeat(36))}`],
    ['a cursor of numbers', `cursor=${cursorOf(1, 2)}`],
    ['a cursor with a NUL', `cursor=abc%00`],
  ])('GET /api/v1/cases with %s', async (_what, query) => {
    const res = await request(t.http).get(`/api/v1/cases?${query}`).set('Authorization', center);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it.each([
    ['an array', '[]'],
    ['a string', '"subject"'],
    ['null', 'null'],
    ['a number', '5'],
  ])('refuses a JSON body that is %s with one error', async (_what, body) => {
    const res = await request(t.http).post('/api/v1/complaints').set('content-type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'body', code: 'isObject', message: 'The body must be a JSON object' }]);
  });

  it('refuses bytes that are not UTF-8 in a JSON body', async () => {
    const raw = Buffer.concat([Buffer.from('{"subject":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: { 'content-type': 'application/json' }, payload: raw });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'body', code: 'invalidUtf8' })]);
  });

  it('answers a NUL in the web form with the form again, urlencoded or multipart', async () => {
    const urlencoded = await request(t.http)
      .post('/complaints/new')
      .set('Accept', 'text/html')
      .type('form')
      .send({ subject: 'ไฟดับ\u0000', description: 'ไฟดับสามคืน', 'complainant.name': 'สมศรี', consent: 'yes' });
    expect(urlencoded.status).toBe(400);
    expect(urlencoded.headers['content-type']).toMatch(/^text\/html/);
    expect(urlencoded.text).toContain('id="f-subject"');

    const multipart = await request(t.http)
      .post('/complaints/new')
      .set('Accept', 'text/html')
      .field('subject', 'ไฟดับ')
      .field('description', 'ไฟดับ\u0000สามคืน')
      .field('complainant.name', 'สมศรี')
      .field('consent', 'yes');
    expect(multipart.status).toBe(400);
    expect(multipart.text).toContain('aria-invalid="true"');
  });

  it('tracks nothing with a NUL in the code, on the API and the page', async () => {
    expect((await request(t.http).get('/api/v1/complaints/track/K7MQ9XR4TD%00')).status).toBe(400);
    expect((await request(t.http).get('/track?code=K7MQ9XR4TD%00')).status).toBe(400);
  });
});
