import request from 'supertest';
import { staffTokens } from '../support/auth';
import { act, departmentId, registerCase } from '../support/cases';
import { resetCases, startTestApp, TestApp } from '../support/test-app';

describe('satisfaction ratings', () => {
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof staffTokens>>;

  beforeAll(async () => {
    t = await startTestApp();
    await resetCases(t.db);
    tokens = await staffTokens(t);
  });

  afterAll(async () => {
    await resetCases(t.db);
    await t.close();
  });

  async function closedCase() {
    const c = await registerCase(t, tokens.center);
    for (const body of [
      { action: 'accept' },
      { action: 'assign', departmentId: await departmentId(t, 'works') },
      { action: 'start' },
      { action: 'resolve', message: 'ซ่อมแล้ว' },
      { action: 'close' },
    ]) {
      await act(t, tokens.center, c.id, body).expect(200);
    }
    return c as { id: string; trackingCode: string };
  }
  const rate = (code: string, body: unknown) => request(t.http).post(`/api/v1/complaints/track/${code}/feedback`).send(body as object);

  it('takes one rating of a closed case, and counts it in the statistics', async () => {
    const c = await closedCase();
    const res = await rate(c.trackingCode, { rating: 4, comment: 'รวดเร็วดี' }).expect(201);
    expect(res.body).toMatchObject({ rating: 4, comment: 'รวดเร็วดี' });
    const again = await rate(c.trackingCode, { rating: 5 }).expect(409);
    expect(again.body.message).toMatch(/already/);
    const s = (await request(t.http).get('/api/v1/reports/summary').set('Authorization', tokens.executive).expect(200)).body;
    expect(s.totals.satisfaction).toEqual({ responses: 1, average: 4, satisfiedPct: 100, targetPct: 80 });
    const pub = (await request(t.http).get('/api/v1/public/statistics').expect(200)).body;
    expect(pub.satisfaction).toMatchObject({ responses: 1, satisfiedPct: 100 });
  });

  it('refuses a case that is not closed, an unknown code, and a rating outside 1–5', async () => {
    const open = await registerCase(t, tokens.center);
    await rate(open.trackingCode as string, { rating: 5 }).expect(409);
    const closed = await closedCase();
    const bad = await rate(closed.trackingCode, { rating: 6, comment: 'x'.repeat(1001) }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['comment', 'rating']);
    await rate(closed.trackingCode, {}).expect(400);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM case_feedback WHERE case_id = $1`, [closed.id]);
    expect(n).toBe(0);
    // Same length and a valid check character, but no such complaint.
    const other = await registerCase(t, tokens.center);
    await t.db.query(`UPDATE cases SET tracking_code = NULL WHERE id = $1`, [other.id]);
    await rate(other.trackingCode as string, { rating: 5 }).expect(404);
  });

  it('offers the form on the tracking page once closed, and thanks the complainant without JavaScript', async () => {
    const c = await closedCase();
    const page = await request(t.http).get(`/track?code=${c.trackingCode}`).expect(200);
    expect(page.text).toContain('id="feedback"');
    expect(page.text).toContain('name="rating"');
    const missing = await request(t.http).post('/track/feedback').type('form').send({ code: c.trackingCode }).expect(400);
    expect(missing.text).toContain('กรุณาเลือกระดับความพึงพอใจ');
    const done = await request(t.http).post('/track/feedback').type('form').send({ code: c.trackingCode, rating: '5', comment: 'ขอบคุณ' }).expect(200);
    expect(done.text).toContain('ขอบคุณสำหรับการประเมิน');
    expect(done.text).not.toContain('name="rating"');
    const twice = await request(t.http).post('/track/feedback').type('form').send({ code: c.trackingCode, rating: '1' }).expect(409);
    expect(twice.text).toContain('5 – พอใจมากที่สุด');
    const open = await registerCase(t, tokens.center);
    expect((await request(t.http).get(`/track?code=${open.trackingCode}`).expect(200)).text).not.toContain('id="feedback"');
  });
});
