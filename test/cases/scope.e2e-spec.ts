import request from 'supertest';
import { staffTokens } from '../support/auth';
import { act, departmentId, registerCase } from '../support/cases';
import { resetCases, startTestApp, TestApp } from '../support/test-app';

describe('who sees which case', () => {
  let t: TestApp;
  let tok: Awaited<ReturnType<typeof staffTokens>>;
  let worksCase: { id: string };
  let financeCase: { id: string };
  let corruptionCase: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    tok = await staffTokens(t);
    await resetCases(t.db);
    worksCase = await registerCase(t, tok.center, { subject: 'งานของกองช่าง' });
    financeCase = await registerCase(t, tok.center, { subject: 'งานของกองคลัง' });
    await act(t, tok.center, worksCase.id, { action: 'assign', departmentId: await departmentId(t, 'works') }).expect(200);
    await act(t, tok.center, financeCase.id, { action: 'assign', departmentId: await departmentId(t, 'finance') }).expect(200);
    corruptionCase = await registerCase(t, tok.integrity, {
      kind: 'corruption',
      channel: 'letter',
      categoryCode: 'bribery',
      subject: 'เจ้าหน้าที่เรียกเงินค่าอนุญาต',
      complainant: undefined,
      anonymous: true,
    });
  });
  afterAll(() => t.close());

  const ids = (body: { items: Array<{ id: string }> }) => body.items.map((i) => i.id).sort();
  const list = (auth: string) => request(t.http).get('/api/v1/cases').set('Authorization', auth).expect(200);

  it('shows each department only its own cases', async () => {
    expect(ids((await list(tok.works)).body)).toEqual([worksCase.id]);
    expect(ids((await list(tok.worksHead)).body)).toEqual([worksCase.id]);
    expect(ids((await list(tok.finance)).body)).toEqual([financeCase.id]);
  });

  it('answers 404, never 403, for a case outside the scope, for reading and for acting', async () => {
    for (const [auth, id] of [
      [tok.finance, worksCase.id],
      [tok.works, financeCase.id],
      [tok.center, corruptionCase.id],
      [tok.works, corruptionCase.id],
      [tok.executive, corruptionCase.id],
      [tok.integrity, worksCase.id],
    ] as const) {
      await request(t.http).get(`/api/v1/cases/${id}`).set('Authorization', auth).expect(404);
    }
    await act(t, tok.finance, worksCase.id, { action: 'note', message: 'x' }).expect(404);
    await request(t.http).get('/api/v1/cases/not-a-uuid').set('Authorization', tok.center).expect(404);
    await request(t.http).get('/api/v1/cases/00000000-0000-4000-8000-000000000000').set('Authorization', tok.center).expect(404);
  });

  it('keeps corruption cases to the integrity officer', async () => {
    expect(ids((await list(tok.integrity)).body)).toEqual([corruptionCase.id]);
    expect(ids((await list(tok.center)).body)).toEqual([worksCase.id, financeCase.id].sort());
    expect(ids((await list(tok.executive)).body)).toEqual([worksCase.id, financeCase.id].sort());
    const detail = await request(t.http).get(`/api/v1/cases/${corruptionCase.id}`).set('Authorization', tok.integrity).expect(200);
    expect(detail.body).toMatchObject({ kind: 'corruption', referenceNo: expect.stringMatching(/^C-25\d\d-000001$/) });
    await act(t, tok.integrity, corruptionCase.id, { action: 'assign', departmentId: await departmentId(t, 'works') }).expect(409);
  });

  it('gives administrators no case endpoints and executives no contact details', async () => {
    // The role, not the id, is refused: every id gets the same 403, so nothing is confirmed.
    await request(t.http).get('/api/v1/cases').set('Authorization', tok.admin).expect(403);
    await request(t.http).get(`/api/v1/cases/${worksCase.id}`).set('Authorization', tok.admin).expect(403);
    const detail = await request(t.http).get(`/api/v1/cases/${worksCase.id}`).set('Authorization', tok.executive).expect(200);
    expect(detail.body.complainant).toEqual({ anonymous: false });
    expect(detail.body.allowedActions).toEqual([]);
  });

  it('lets a department a case is shared with see it and add notes, but not resolve it', async () => {
    await act(t, tok.worksHead, worksCase.id, { action: 'share', departmentId: await departmentId(t, 'finance') }).expect(200);
    const financeQueue = (await list(tok.finance)).body;
    expect(ids(financeQueue)).toEqual([worksCase.id, financeCase.id].sort());
    expect(financeQueue.counts).toEqual({ assigned: 2 });
    const detail = await request(t.http).get(`/api/v1/cases/${worksCase.id}`).set('Authorization', tok.finance).expect(200);
    expect(detail.body.allowedActions).toEqual(['note', 'update']);
    await act(t, tok.finance, worksCase.id, { action: 'note', message: 'กองคลังรับทราบ' }).expect(200);
    await act(t, tok.finance, worksCase.id, { action: 'resolve', message: 'x' }).expect(403);
  });

  it('needs a token, and a staff role, for every staff endpoint', async () => {
    await request(t.http).get('/api/v1/cases').expect(401);
    await request(t.http).get(`/api/v1/cases/${worksCase.id}`).expect(401);
    await request(t.http).post(`/api/v1/cases/${worksCase.id}/actions`).send({ action: 'note', message: 'x' }).expect(401);
    await request(t.http).post('/api/v1/cases').set('Authorization', tok.works).send({}).expect(403);
    await request(t.http).post(`/api/v1/cases/${worksCase.id}/actions`).set('Authorization', tok.admin).send({ action: 'note', message: 'x' }).expect(403);
  });
});
