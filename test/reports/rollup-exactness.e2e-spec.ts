import request from 'supertest';
import { ManualClock } from '../../src/common/time/clock';
import { act, departmentId, registerCase } from '../support/cases';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { tokensNow } from './clock-tokens';
import { actualRow, expectedRow, naiveMonths } from './naive-recount';

const DAY = 24 * 3600 * 1000;
const CHANNELS = ['phone', 'letter', 'walk_in', 'email', 'social'];
const CATEGORIES = ['water_supply', 'roads', 'waste', 'taxes_fees', 'other'];
/** Mostly what the case's status allows, so that cases travel the whole way; the rest at random. */
const NEXT: Record<string, string[]> = {
  received: ['accept', 'accept', 'reject', 'withdraw', 'merge', 'refer'],
  accepted: ['assign', 'assign', 'reject'],
  assigned: ['start', 'resolve', 'note', 'assign'],
  in_progress: ['resolve', 'resolve', 'note', 'refer', 'merge'],
  resolved: ['close', 'close', 'reopen'],
  closed: ['rate', 'rate', 'reopen'],
  referred: ['close'],
};
const ACTIONS = ['accept', 'assign', 'start', 'resolve', 'close', 'reopen', 'refer', 'withdraw', 'merge', 'note', 'reject', 'rate'] as const;

/** A small deterministic generator: the same "random" mix on every run, so a failure can be replayed. */
function prng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('the statistics rollup under a random mix of concurrent actions', () => {
  const clock = new ManualClock(new Date('2025-10-02T03:00:00Z'));
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof tokensNow>>;
  let departments: string[];
  const cases: Array<{ id: string; trackingCode: string }> = [];

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' }, { clock });
    await resetCases(t.db);
    tokens = await tokensNow(t);
    departments = await Promise.all(['works', 'finance', 'health'].map((c) => departmentId(t, c)));
  });

  afterAll(async () => {
    await resetCases(t.db);
    await t.close();
  });

  it('equals a naive recount, and a rebuild from scratch, after reopens, merges, late resolutions and ratings', async () => {
    const random = prng(2569);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const outcomes: Record<string, number> = {};

    for (let round = 0; round < 10; round++) {
      // New cases each round, some received days ago (letters), across months of the year.
      for (let i = 0; i < 4; i++) {
        const receivedAt = new Date(clock.now().getTime() - Math.floor(random() * 5) * DAY);
        const c = await registerCase(t, tokens.center, { receivedAt: receivedAt.toISOString(), channel: pick(CHANNELS), categoryCode: pick(CATEGORIES) });
        cases.push({ id: c.id, trackingCode: c.trackingCode as string });
      }
      // Twelve actions at once, on random cases (several on the same case now and then).
      const statuses = new Map<string, string>(
        (await t.db.query(`SELECT id, status FROM cases`)).map((r: { id: string; status: string }) => [r.id, r.status]),
      );
      const batch = Array.from({ length: 12 }, () => {
        const c = pick(cases);
        const likely = NEXT[statuses.get(c.id) as string];
        return { c, action: likely && random() < 0.8 ? pick(likely) : pick(ACTIONS) };
      });
      await Promise.all(
        batch.map(async ({ c, action }) => {
          let status: number;
          if (action === 'rate') {
            status = (await request(t.http).post(`/api/v1/complaints/track/${c.trackingCode}/feedback`).send({ rating: 1 + Math.floor(random() * 5) })).status;
          } else {
            const body: Record<string, unknown> = { action };
            if (action === 'assign') body.departmentId = pick(departments);
            if (action === 'refer') body.agency = 'สำนักงานจังหวัด';
            if (action === 'merge') body.targetCaseId = pick(cases).id;
            if (['resolve', 'reject', 'note', 'reopen'].includes(action)) body.message = 'ผลการดำเนินการ';
            status = (await act(t, tokens.center, c.id, body)).status;
          }
          // 409/400 are refusals of a random action in the wrong status: fine. Anything else is not.
          expect([200, 201, 400, 409]).toContain(status);
          outcomes[`${action}:${status}`] = (outcomes[`${action}:${status}`] ?? 0) + 1;
        }),
      );
      // Between 3 and 12 days pass: some cases resolve late, some become overdue.
      clock.advance((3 + Math.floor(random() * 10)) * DAY);
      tokens = await tokensNow(t);
    }

    // The mix did exercise what the rollup has to follow.
    for (const ok of ['reopen:200', 'merge:200', 'resolve:200', 'assign:200', 'rate:201', 'close:200']) expect(outcomes[ok]).toBeGreaterThan(0);
    const [{ late, overdue, reopened }] = await t.db.query(
      `SELECT count(*) FILTER (WHERE first_resolved_at > due_at)::int AS late, count(overdue_at)::int AS overdue,
              count(*) FILTER (WHERE first_resolved_at IS NOT NULL AND status IN ('in_progress', 'accepted'))::int AS reopened FROM cases`,
    );
    expect(late).toBeGreaterThan(0);
    expect(overdue).toBeGreaterThan(0);
    expect(reopened + outcomes['reopen:200']).toBeGreaterThan(0);

    for (const [query, filter] of [
      ['', {}],
      [`&departmentId=${departments[0]}`, { departmentId: departments[0] }],
      ['&channel=phone', { channel: 'phone' }],
      [`&departmentId=${departments[1]}&channel=letter`, { departmentId: departments[1], channel: 'letter' }],
    ] as const) {
      const s = (await request(t.http).get(`/api/v1/reports/summary?fiscalYear=2569${query}`).set('Authorization', tokens.center).expect(200)).body;
      const naive = await naiveMonths(t.db, { fiscalYear: 2569, kind: 'general', ...filter });
      for (const row of s.rows) expect(actualRow(row)).toEqual(expectedRow(naive.get(row.from.slice(0, 7))));
      expect(s.totals.received).toBe([...naive.values()].reduce((a, m) => a + m.received, 0));
    }

    // And the rollup, cell by cell, is what a recount from scratch writes.
    const live = await t.db.query(`SELECT * FROM report_cells WHERE received <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`);
    const liveDays = await t.db.query(`SELECT * FROM report_resolve_days WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`);
    await t.db.query(`SELECT report_rebuild()`);
    expect(live).toEqual(await t.db.query(`SELECT * FROM report_cells ORDER BY 1, 2, 3, 4, 5, 6, 7`));
    expect(liveDays).toEqual(await t.db.query(`SELECT * FROM report_resolve_days ORDER BY 1, 2, 3, 4, 5, 6, 7`));
  }, 180_000);
});
