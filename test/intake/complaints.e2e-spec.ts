import request from 'supertest';
import { isValidTrackingCode } from '../../src/modules/cases/tracking-code';
import { complaintBody } from '../support/factories';
import { countRows, resetCases, startTestApp, TestApp } from '../support/test-app';

describe('POST /api/v1/complaints', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => resetCases(t.db));

  it('files a complaint and answers with a tracking code, reference number and due date', async () => {
    const before = Date.now();
    const res = await request(t.http).post('/api/v1/complaints').send(complaintBody()).expect(201);

    expect(Object.keys(res.body).sort()).toEqual(['dueAt', 'receivedAt', 'referenceNo', 'status', 'trackingCode']);
    expect(res.body.status).toBe('received');
    expect(res.body.referenceNo).toMatch(/^G-25\d\d-000001$/);
    expect(isValidTrackingCode(res.body.trackingCode)).toBe(true);
    const received = Date.parse(res.body.receivedAt);
    expect(received).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(res.body.dueAt) - received).toBe(15 * 24 * 3600 * 1000);

    const [row] = await t.db.query(
      `SELECT c.channel, c.kind, p.phone, cat.code AS category
       FROM cases c
       JOIN complainants p ON p.id = c.complainant_id
       JOIN categories cat ON cat.id = c.category_id`,
    );
    expect(row).toMatchObject({ channel: 'web', kind: 'general', phone: '0812345678', category: 'street_lights' });
    expect(await countRows(t.db)).toMatchObject({ cases: 1, complainants: 1, events: 1, notifications: 1 });
  });

  it('numbers 50 parallel filings consecutively, without duplicates or holes', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => request(t.http).post('/api/v1/complaints').send(complaintBody())),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const sequences = responses.map((r) => Number(r.body.referenceNo.slice(-6))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(responses.map((r) => r.body.trackingCode)).size).toBe(50);
  });

  describe('rejects bad input with the field named, writing nothing', () => {
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['missing subject', complaintBody({ subject: undefined }), 'subject', 'required'],
      ['blank subject', complaintBody({ subject: '   ' }), 'subject', 'isNotEmpty'],
      ['subject over 200', complaintBody({ subject: 'ก'.repeat(201) }), 'subject', 'maxLength'],
      ['description over 10,000', complaintBody({ description: 'x'.repeat(10_001) }), 'description', 'maxLength'],
      ['no consent', complaintBody({ consent: false }), 'consent', 'equals'],
      ['consent as a string', complaintBody({ consent: 'true' }), 'consent', 'equals'],
      ['unknown field', complaintBody({ priority: 'high' }), 'priority', 'unknownField'],
      ['missing complainant', complaintBody({ complainant: undefined }), 'complainant', 'required'],
      ['complainant without a name', complaintBody({ complainant: { email: 'a@example.com' } }), 'complainant.name', 'required'],
      ['bad email', complaintBody({ complainant: { name: 'ก', email: 'not-an-email' } }), 'complainant.email', 'isEmail'],
      ['foreign phone', complaintBody({ complainant: { name: 'ก', phone: '+1 415 555 0100' } }), 'complainant.phone', 'isThaiPhone'],
      ['unknown field in complainant', complaintBody({ complainant: { name: 'ก', idCard: '1' } }), 'complainant.idCard', 'unknownField'],
      ['unknown category', complaintBody({ categoryCode: 'no_such_thing' }), 'categoryCode', 'unknownCategory'],
      ['corruption category on the general channel', complaintBody({ categoryCode: 'bribery' }), 'categoryCode', 'unknownCategory'],
    ];

    it.each(cases)('%s', async (_name, body, field, code) => {
      const res = await request(t.http).post('/api/v1/complaints').send(body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: 'Validation failed' });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
      expect(await countRows(t.db)).toEqual({ cases: 0, complainants: 0, events: 0, notifications: 0, counters: 0 });
    });

    it('names every bad field at once', async () => {
      const res = await request(t.http)
        .post('/api/v1/complaints')
        .send({ subject: '', description: '', complainant: { name: '', email: 'x' }, consent: false })
        .expect(400);
      const fields = new Set(res.body.details.map((d: { field: string }) => d.field));
      expect(fields).toEqual(new Set(['subject', 'description', 'complainant.name', 'complainant.email', 'consent']));
    });

    it('rejects a body that is not JSON', async () => {
      await request(t.http).post('/api/v1/complaints').set('Content-Type', 'application/json').send('{"subject":').expect(400);
      expect((await countRows(t.db)).cases).toBe(0);
    });
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await request(t.http)
      .post('/api/v1/complaints')
      .send(complaintBody({ description: 'x'.repeat(1024 * 1024) }))
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect((await countRows(t.db)).cases).toBe(0);
  });
});
