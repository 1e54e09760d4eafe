import request from 'supertest';
import { generateTrackingCode, TRACKING_ALPHABET } from '../../src/modules/cases/tracking-code';
import { complaintBody } from '../support/factories';
import { resetCases, startTestApp, TestApp } from '../support/test-app';

describe('GET /api/v1/complaints/track/:trackingCode', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => resetCases(t.db));

  async function file() {
    return (await request(t.http).post('/api/v1/complaints').send(complaintBody()).expect(201)).body;
  }

  it('shows the case with its public timeline', async () => {
    const filed = await file();
    const res = await request(t.http).get(`/api/v1/complaints/track/${filed.trackingCode}`).expect(200);
    expect(res.body).toEqual({
      referenceNo: filed.referenceNo,
      kind: 'general',
      status: 'received',
      receivedAt: filed.receivedAt,
      dueAt: filed.dueAt,
      overdue: false,
      timeline: [
        { at: expect.any(String), action: 'receive', status: 'received', message: null, expectedAt: null, agency: null, department: null },
      ],
    });
  });

  it('accepts the code as people type it: lower case, with dashes', async () => {
    const filed = await file();
    const typed = `${filed.trackingCode.slice(0, 4)}-${filed.trackingCode.slice(4, 8)}-${filed.trackingCode.slice(8)}`.toLowerCase();
    await request(t.http).get(`/api/v1/complaints/track/${typed}`).expect(200);
  });

  it('catches a typo by its check character, before any lookup', async () => {
    const filed = await file();
    const code: string = filed.trackingCode;
    const wrong = TRACKING_ALPHABET[(TRACKING_ALPHABET.indexOf(code[3]) + 1) % TRACKING_ALPHABET.length];
    const typo = code.slice(0, 3) + wrong + code.slice(4);
    const res = await request(t.http).get(`/api/v1/complaints/track/${typo}`).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'trackingCode', code: 'checksum' })]);
  });

  it('answers 404 for a well-formed code nobody holds', async () => {
    await file();
    await request(t.http).get(`/api/v1/complaints/track/${generateTrackingCode()}`).expect(404);
  });

  it('never finds a case by its reference number', async () => {
    const filed = await file();
    const res = await request(t.http).get(`/api/v1/complaints/track/${filed.referenceNo}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toContain(filed.referenceNo.slice(-6) + '"');
  });

  it('shows only public events', async () => {
    const filed = await file();
    const [{ id }] = await t.db.query('SELECT id FROM cases WHERE tracking_code = $1', [filed.trackingCode]);
    await t.db.query(
      `INSERT INTO case_events (case_id, action, public, message, actor_role) VALUES
         ($1, 'note', false, 'internal: the caller sounded angry', 'center'),
         ($1, 'update', true, 'ทีมช่างจะเข้าซ่อมวันพรุ่งนี้', 'officer')`,
      [id],
    );
    const res = await request(t.http).get(`/api/v1/complaints/track/${filed.trackingCode}`).expect(200);
    expect(res.body.timeline.map((e: { message: string | null }) => e.message)).toEqual([null, 'ทีมช่างจะเข้าซ่อมวันพรุ่งนี้']);
    expect(JSON.stringify(res.body)).not.toContain('angry');
  });

  it('marks an unresolved case past its due date as overdue', async () => {
    const filed = await file();
    await t.db.query(
      `UPDATE cases SET received_at = now() - interval '16 days', due_at = now() - interval '1 day' WHERE tracking_code = $1`,
      [filed.trackingCode],
    );
    const res = await request(t.http).get(`/api/v1/complaints/track/${filed.trackingCode}`).expect(200);
    expect(res.body.overdue).toBe(true);
  });

  it('keeps the timeline append-only', async () => {
    await file();
    await expect(t.db.query(`UPDATE case_events SET message = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM case_events`)).rejects.toThrow(/append-only/);
  });
});
