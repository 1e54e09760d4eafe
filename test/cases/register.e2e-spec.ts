import request from 'supertest';
import { staffTokens } from '../support/auth';
import { offlineCase } from '../support/cases';
import { countRows, resetCases, startTestApp, TestApp } from '../support/test-app';

describe('POST /api/v1/cases', () => {
  let t: TestApp;
  let tok: Awaited<ReturnType<typeof staffTokens>>;

  beforeAll(async () => {
    t = await startTestApp();
    tok = await staffTokens(t);
  });
  afterAll(() => t.close());
  beforeEach(() => resetCases(t.db));

  const post = (auth: string, body: Record<string, unknown>) =>
    request(t.http).post('/api/v1/cases').set('Authorization', auth).send(body);

  it('enters the same register as web filings, due 15 days after the real receipt', async () => {
    await request(t.http)
      .post('/api/v1/complaints')
      .send({ subject: 'ก', description: 'ข', complainant: { name: 'ค' }, consent: true })
      .expect(201);
    const receivedAt = new Date(Date.now() - 3 * 86400e3);
    const res = await post(tok.center, offlineCase({ channel: 'walk_in', receivedAt: receivedAt.toISOString() })).expect(201);
    expect(res.body).toMatchObject({ id: expect.any(String), status: 'received', referenceNo: expect.stringMatching(/-000002$/) });
    expect(Date.parse(res.body.dueAt)).toBe(receivedAt.getTime() + 15 * 86400e3);
    const [row] = await t.db.query('SELECT channel, registered_by IS NOT NULL AS by_staff FROM cases WHERE id = $1', [res.body.id]);
    expect(row).toEqual({ channel: 'walk_in', by_staff: true });
  });

  it('files a corruption case for the integrity officer in its own register, with no tracking code', async () => {
    const res = await post(tok.integrity, offlineCase({ kind: 'corruption', categoryCode: 'procurement', channel: 'letter' })).expect(201);
    expect(res.body).toMatchObject({ trackingCode: null, referenceNo: expect.stringMatching(/^C-25\d\d-000001$/) });
  });

  it('takes the public body whole, consent included, and records the consent when given', async () => {
    const consented = await post(tok.center, offlineCase({ consent: true })).expect(201);
    const silent = await post(tok.center, offlineCase()).expect(201);
    const rows = await t.db.query('SELECT id, consent_at IS NOT NULL AS consented FROM cases WHERE id = ANY($1)', [[consented.body.id, silent.body.id]]);
    expect(Object.fromEntries(rows.map((r: { id: string; consented: boolean }) => [r.id, r.consented]))).toEqual({
      [consented.body.id]: true,
      [silent.body.id]: false,
    });
  });

  it.each([
    ['receivedAt in the future', () => offlineCase({ receivedAt: new Date(Date.now() + 3600e3).toISOString() }), 'receivedAt'],
    ['a letter number on a phone call', () => offlineCase({ letterNo: '12/2569' }), 'letterNo'],
    ['the web channel', () => offlineCase({ channel: 'web' }), 'channel'],
    ['no complainant and not anonymous', () => offlineCase({ complainant: undefined }), 'complainant'],
    ['anonymous with details', () => offlineCase({ anonymous: true }), 'complainant'],
    ['a corruption case from the centre', () => offlineCase({ kind: 'corruption', categoryCode: 'bribery' }), 'kind'],
    ['a corruption category on a general case', () => offlineCase({ categoryCode: 'bribery' }), 'categoryCode'],
    ['a malformed date', () => offlineCase({ receivedAt: 'yesterday' }), 'receivedAt'],
    ['a letter date that is no date', () => offlineCase({ channel: 'letter', letterDate: '2026-13-45' }), 'letterDate'],
  ])('rejects %s, naming the field and writing nothing', async (_name, body, field) => {
    const res = await post(tok.center, body()).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await countRows(t.db)).toMatchObject({ cases: 0, complainants: 0, events: 0, notifications: 0 });
  });
});
