import request from 'supertest';
import { ManualClock } from '../../src/common/time/clock';
import { act, departmentId, registerCase } from '../support/cases';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { tokensNow } from './clock-tokens';
import { actualRow, expectedRow, naiveMonths } from './naive-recount';

/** Bangkok wall time → instant. */
const bkk = (local: string) => new Date(`${local}+07:00`);

describe('GET /api/v1/reports/summary', () => {
  const clock = new ManualClock(bkk('2025-09-30T23:00:00'));
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof tokensNow>>;
  let works: string;
  const ids: Record<string, { id: string; trackingCode: string | null }> = {};

  async function at(local: string, fn: () => Promise<unknown>) {
    clock.set(bkk(local));
    tokens = await tokensNow(t);
    await fn();
  }
  async function step(caseKey: string, body: Record<string, unknown>, by = tokens.center) {
    const res = await act(t, by, ids[caseKey].id, body);
    if (res.status !== 200) throw new Error(`${caseKey} ${body.action}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  async function register(key: string, receivedLocal: string, extra: Record<string, unknown> = {}, by = tokens.center) {
    ids[key] = await registerCase(t, by, { receivedAt: bkk(receivedLocal).toISOString(), ...extra });
  }
  async function rate(key: string, rating: number) {
    await request(t.http).post(`/api/v1/complaints/track/${ids[key].trackingCode}/feedback`).send({ rating }).expect(201);
  }
  const get = (auth: string, query: string) => request(t.http).get(`/api/v1/reports/summary?${query}`).set('Authorization', auth);

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    await resetCases(t.db);
    tokens = await tokensNow(t);
    works = await departmentId(t, 'works');

    // 30 Sep 23:00 in Bangkok is still fiscal year 2568; 1 Oct 00:30 in Bangkok (30 Sep 17:30 UTC) is 2569.
    await at('2025-09-30T23:00:00', () => register('A', '2025-09-30T22:00:00'));
    await at('2025-10-01T01:00:00', async () => {
      await register('B', '2025-10-01T00:30:00', { channel: 'phone' });
      await register('C', '2025-10-01T00:30:00', { channel: 'letter' });
      await register('D', '2025-10-01T00:30:00', { channel: 'walk_in', categoryCode: 'waste' });
      for (const k of ['B', 'C']) {
        await step(k, { action: 'accept' });
        await step(k, { action: 'assign', departmentId: works });
        await step(k, { action: 'start' }, tokens.works);
      }
    });
    await at('2025-10-02T09:00:00', () => step('D', { action: 'reject', message: 'ไม่อยู่ในอำนาจหน้าที่' }));
    // B: resolved in exactly two days, closed, rated 5.
    await at('2025-10-03T00:30:00', async () => {
      await step('B', { action: 'resolve', message: 'ซ่อมแล้ว' }, tokens.works);
      await step('B', { action: 'close' });
      await rate('B', 5);
    });
    // C: due 16 Oct 00:30, resolved 19.5 days after receipt: late, and so overdue.
    await at('2025-10-20T12:30:00', async () => {
      await step('C', { action: 'resolve', message: 'ซ่อมแล้ว' }, tokens.works);
      await step('C', { action: 'close' });
      await rate('C', 3);
    });
    await at('2025-11-10T10:00:00', async () => {
      await register('E', '2025-11-10T09:00:00', { channel: 'email' });
      await register('F', '2025-11-10T09:00:00', { channel: 'phone' });
      await register('G', '2025-11-10T09:00:00', { channel: 'phone' });
      await register('H', '2025-11-10T09:30:00', { channel: 'phone' });
      await step('E', { action: 'refer', agency: 'การประปาส่วนภูมิภาค' });
      await step('E', { action: 'close' });
      await step('F', { action: 'withdraw' });
      await step('H', { action: 'merge', targetCaseId: ids.G.id });
    });
    await at('2025-12-01T10:00:00', () =>
      register('J', '2025-12-01T09:00:00', { kind: 'corruption', channel: 'letter', categoryCode: 'bribery', anonymous: true, complainant: undefined }, tokens.integrity),
    );
    // G is still open past its due date: the next thing that happens to it records it overdue.
    await at('2026-01-05T10:00:00', async () => {
      await step('G', { action: 'note', message: 'รอข้อมูล' });
      await register('I', '2026-01-05T09:00:00', { channel: 'social' });
      await step('I', { action: 'accept' });
      await step('I', { action: 'assign', departmentId: works });
      await step('I', { action: 'start' }, tokens.works);
    });
    await at('2026-01-06T09:00:00', () => step('I', { action: 'resolve', message: 'ซ่อมแล้ว' }, tokens.works));
    await at('2026-01-07T09:00:00', () => step('I', { action: 'reopen', message: 'ยังไม่หาย' }));
    clock.set(bkk('2026-03-15T12:00:00'));
    tokens = await tokensNow(t);
  }, 180_000);

  afterAll(async () => {
    await resetCases(t.db);
    await t.close();
  });

  it('gives twelve months from October, each about the cases received in it, with known figures', async () => {
    const res = await get(tokens.center, 'fiscalYear=2569&period=month').expect(200);
    const s = res.body;
    expect(s).toMatchObject({ fiscalYear: 2569, period: 'month', kind: 'general', departmentId: null, channel: null });
    expect(s.rows).toHaveLength(12);
    expect(s.rows.map((r: { label: string }) => r.label).slice(0, 4)).toEqual(['ต.ค. 2568', 'พ.ย. 2568', 'ธ.ค. 2568', 'ม.ค. 2569']);
    const [oct, nov, dec, jan, feb] = s.rows;
    expect(oct).toMatchObject({
      from: '2025-10-01',
      to: '2025-10-31',
      received: 3,
      resolved: 2,
      resolvedWithinDeadline: 1,
      resolvedLate: 1,
      open: 0,
      overdue: 1,
      rejected: 1,
      referred: 0,
      withdrawn: 0,
      merged: 0,
      completedWithinDeadline: 2,
      resolvedWithinDeadlinePct: 50,
      withinDeadlinePct: 66.7,
      avgDaysToResolve: 10.8,
      medianDaysToResolve: 11,
      satisfaction: { responses: 2, average: 4, satisfiedPct: 50, targetPct: 80 },
    });
    expect(oct.byChannel.map((e: { key: string }) => e.key).sort()).toEqual(['letter', 'phone', 'walk_in']);
    expect(oct.byDepartment).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: works, label: 'กองช่าง', received: 2, resolved: 2 }),
        expect.objectContaining({ key: null, label: 'ยังไม่มอบหมายหน่วยงาน', received: 1 }),
      ]),
    );
    expect(oct.byCategory.find((e: { label: string }) => e.label === 'ขยะมูลฝอยและความสะอาด')).toMatchObject({ received: 1 });
    expect(nov).toMatchObject({ received: 4, resolved: 0, open: 1, overdue: 1, referred: 1, withdrawn: 1, merged: 1, completedWithinDeadline: 3, withinDeadlinePct: 75 });
    // The corruption case shows to the centre only as a count.
    expect(dec).toMatchObject({ received: 0, byKind: [expect.objectContaining({ key: 'corruption', received: 1 })], byCategory: [] });
    // Resolved once and reopened: counted resolved (within the deadline) and open.
    expect(jan).toMatchObject({ received: 1, resolved: 1, resolvedWithinDeadline: 1, open: 1, avgDaysToResolve: 1, medianDaysToResolve: 1 });
    expect(feb).toMatchObject({ received: 0, resolvedWithinDeadlinePct: null, avgDaysToResolve: null, medianDaysToResolve: null });
    expect(s.totals).toMatchObject({ label: 'ปีงบประมาณ 2569', from: '2025-10-01', to: '2026-09-30', received: 8, resolved: 3, open: 2, overdue: 2, medianDaysToResolve: 2 });
    expect(s.totals.byKind).toEqual([
      expect.objectContaining({ key: 'general', received: 8 }),
      expect.objectContaining({ key: 'corruption', received: 1 }),
    ]);
  });

  it('counts the last hour of September in Bangkok in the year before', async () => {
    const res = await get(tokens.center, 'fiscalYear=2568').expect(200);
    expect(res.body.rows[11]).toMatchObject({ label: 'ก.ย. 2568', received: 1 });
    expect(res.body.totals.received).toBe(1);
  });

  it('groups quarters, halves and the year', async () => {
    const q = (await get(tokens.executive, 'fiscalYear=2569&period=quarter').expect(200)).body;
    expect(q.rows.map((r: { received: number }) => r.received)).toEqual([7, 1, 0, 0]);
    expect(q.rows[0]).toMatchObject({ label: 'ไตรมาส 1 (ต.ค.–ธ.ค. 2568)', resolved: 2, overdue: 2, medianDaysToResolve: 11 });
    const h = (await get(tokens.executive, 'fiscalYear=2569&period=half').expect(200)).body;
    expect(h.rows.map((r: { received: number }) => r.received)).toEqual([8, 0]);
    const y = (await get(tokens.executive, 'fiscalYear=2569&period=year').expect(200)).body;
    expect(y.rows).toHaveLength(1);
    expect(y.rows[0]).toEqual({ ...y.totals });
  });

  it('equals a naive recount of every month, unfiltered and filtered', async () => {
    for (const [query, filter] of [
      ['', {}],
      [`&departmentId=${works}`, { departmentId: works }],
      ['&channel=phone', { channel: 'phone' }],
    ] as const) {
      const s = (await get(tokens.center, `fiscalYear=2569${query}`).expect(200)).body;
      const naive = await naiveMonths(t.db, { fiscalYear: 2569, kind: 'general', ...filter });
      for (const row of s.rows) expect(actualRow(row)).toEqual(expectedRow(naive.get(row.from.slice(0, 7))));
    }
  });

  it('shows a head their own department only, and refuses another', async () => {
    const s = (await get(tokens.worksHead, 'fiscalYear=2569').expect(200)).body;
    expect(s.departmentId).toBe(works);
    expect(s.totals).toMatchObject({ received: 3, byKind: [expect.objectContaining({ key: 'general', received: 3 })] });
    const finance = await departmentId(t, 'finance');
    await get(tokens.worksHead, `fiscalYear=2569&departmentId=${finance}`).expect(404);
    await get(tokens.works, `fiscalYear=2569&departmentId=${finance}`).expect(404);
    await get(tokens.works, 'fiscalYear=2569&kind=corruption').expect(403);
  });

  it('gives the integrity officer corruption cases in detail and general ones as counts', async () => {
    const s = (await get(tokens.integrity, 'fiscalYear=2569').expect(200)).body;
    expect(s.kind).toBe('corruption');
    expect(s.rows[2]).toMatchObject({ received: 1, open: 1, byCategory: [expect.objectContaining({ label: 'การเรียกรับสินบน' })] });
    expect(s.totals.byKind).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'general', received: 8 })]));
    await get(tokens.executive, 'fiscalYear=2569&kind=corruption').expect(403);
  });

  it('ranks what recurs and what is rising against the same months of the year before', async () => {
    const r = (await request(t.http).get('/api/v1/reports/recurrence?fiscalYear=2569').set('Authorization', tokens.executive).expect(200)).body;
    expect(r).toMatchObject({ fiscalYear: 2569, comparedWith: 2568, kind: 'general', months: { from: 'ต.ค. 2568', to: 'มี.ค. 2569', count: 6 } });
    expect(r.categories.byVolume.map((e: { label: string; received: number }) => [e.label, e.received])).toEqual([
      ['น้ำประปา', 7],
      ['ขยะมูลฝอยและความสะอาด', 1],
    ]);
    expect(r.categories.byOverdueRate).toEqual([expect.objectContaining({ label: 'น้ำประปา', received: 7, overdue: 2, overdueRatePct: 28.6 })]);
    expect(r.departments.byVolume).toEqual([
      expect.objectContaining({ key: null, received: 5 }),
      expect.objectContaining({ key: works, label: 'กองช่าง', received: 3, overdue: 1 }),
    ]);
    // September 2025 (fiscal 2568) is outside October–March, the months compared.
    expect(r.risingCategories.map((e: { label: string; current: number; previous: number }) => [e.label, e.current, e.previous])).toEqual([
      ['น้ำประปา', 7, 0],
      ['ขยะมูลฝอยและความสะอาด', 1, 0],
    ]);
    const head = (await request(t.http).get('/api/v1/reports/recurrence?fiscalYear=2569').set('Authorization', tokens.worksHead).expect(200)).body;
    expect(head.departments.byVolume).toEqual([expect.objectContaining({ key: works, received: 3 })]);
  });

  it('refuses administrators and bad input, naming the field', async () => {
    await get(tokens.admin, 'fiscalYear=2569').expect(403);
    await request(t.http).get('/api/v1/reports/summary').expect(401);
    const bad = await get(tokens.center, 'fiscalYear=abc&period=week').expect(400);
    expect([...new Set(bad.body.details.map((d: { field: string }) => d.field))].sort()).toEqual(['fiscalYear', 'period']);
    await get(tokens.center, `departmentId=${'1'.repeat(8)}-1111-4111-8111-111111111111`).expect(404);
  });
});
