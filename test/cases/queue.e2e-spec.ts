import request from 'supertest';
import { staffTokens, STAFF } from '../support/auth';
import { act, departmentId, registerCase, userId } from '../support/cases';
import { CaseQueueRepository } from '../../src/modules/cases/case-queue.repository';
import { resolveFilter } from '../../src/modules/cases/case-queue';
import { resetCases, startTestApp, TestApp } from '../support/test-app';

const DAY = 86400e3;

describe('GET /api/v1/cases (the queue)', () => {
  let t: TestApp;
  let tok: Awaited<ReturnType<typeof staffTokens>>;
  const c: Record<string, { id: string; referenceNo: string }> = {};

  beforeAll(async () => {
    t = await startTestApp();
    tok = await staffTokens(t);
    await resetCases(t.db);
    const works = await departmentId(t, 'works');
    const worksOfficer = await userId(t, STAFF.works);
    // fresh: just received; dueSoon: due in 2 days; overdue: 2 days late; explained: late but explained; mine: assigned to works@
    for (const name of ['fresh', 'dueSoon', 'overdue', 'explained', 'mine', 'done']) {
      c[name] = await registerCase(t, tok.center, { subject: `เรื่อง ${name}`, channel: name === 'fresh' ? 'email' : 'phone' });
    }
    const setDue = (id: string, offsetMs: number) =>
      t.db.query(`UPDATE cases SET received_at = $2::timestamptz - interval '15 days', due_at = $2 WHERE id = $1`, [
        id,
        new Date(Date.now() + offsetMs),
      ]);
    await setDue(c.dueSoon.id, 2 * DAY);
    await setDue(c.overdue.id, -2 * DAY);
    await setDue(c.explained.id, -3 * DAY);
    await setDue(c.done.id, -4 * DAY);
    for (const name of ['dueSoon', 'overdue', 'explained', 'mine', 'done']) {
      await act(t, tok.center, c[name].id, { action: 'accept' }).expect(200);
    }
    await act(t, tok.center, c.explained.id, {
      action: 'explain',
      message: 'รออะไหล่',
      expectedAt: new Date(Date.now() + 7 * DAY).toISOString(),
    }).expect(200);
    await act(t, tok.center, c.mine.id, { action: 'assign', departmentId: works, assigneeId: worksOfficer }).expect(200);
    await act(t, tok.center, c.done.id, { action: 'reject', message: 'ซ้ำกับเรื่องอื่น' }).expect(200);
  });
  afterAll(() => t.close());

  const get = (auth: string, query: Record<string, string | number> = {}) =>
    request(t.http).get('/api/v1/cases').query(query).set('Authorization', auth);
  const names = (items: Array<{ id: string }>) =>
    items.map((i) => Object.entries(c).find(([, v]) => v.id === i.id)?.[0]);

  it('lists in due order with per-status counts and the contract fields', async () => {
    const res = await get(tok.center).expect(200);
    expect(names(res.body.items)).toEqual(['done', 'explained', 'overdue', 'dueSoon', 'fresh', 'mine']);
    expect(res.body.counts).toEqual({ received: 1, accepted: 3, assigned: 1, rejected: 1 });
    expect(Object.keys(res.body.items[0]).sort()).toEqual(
      ['assigneeId', 'channel', 'departmentId', 'dueAt', 'id', 'kind', 'overdue', 'receivedAt', 'referenceNo', 'status', 'subject', 'updatedAt'].sort(),
    );
    expect(res.body.items.find((i: { id: string }) => i.id === c.overdue.id).overdue).toBe(true);
    expect(res.body.items.find((i: { id: string }) => i.id === c.done.id).overdue).toBe(false);
    expect(res.body.nextCursor).toBeNull();
  });

  it.each([
    ['unscreened', ['fresh']],
    ['mine', []],
    ['due_soon', ['dueSoon']],
    ['overdue', ['explained', 'overdue']],
    ['awaiting_explanation', ['overdue']],
  ])('offers the %s view', async (view, expected) => {
    const res = await get(tok.center, { view }).expect(200);
    expect(names(res.body.items)).toEqual(expected);
  });

  it('shows "mine" to the officer the case is assigned to', async () => {
    expect(names((await get(tok.works, { view: 'mine' }).expect(200)).body.items)).toEqual(['mine']);
  });

  it('filters by status, channel, overdue, dueBefore and q', async () => {
    expect(names((await get(tok.center, { status: 'received,rejected' })).body.items)).toEqual(['done', 'fresh']);
    expect((await get(tok.center, { status: 'received,rejected' })).body.counts).toMatchObject({ accepted: 3 });
    expect(names((await get(tok.center, { channel: 'email' })).body.items)).toEqual(['fresh']);
    expect(names((await get(tok.center, { overdue: 'false' })).body.items)).toEqual(['done', 'dueSoon', 'fresh', 'mine']);
    expect(names((await get(tok.center, { dueBefore: new Date(Date.now()).toISOString() })).body.items)).toEqual([
      'done',
      'explained',
      'overdue',
    ]);
    expect(names((await get(tok.center, { q: c.mine.referenceNo.toLowerCase() })).body.items)).toEqual(['mine']);
    expect(names((await get(tok.center, { q: 'เรื่อง due' })).body.items)).toEqual(['dueSoon']);
  });

  it('counts a search exactly below its cap, and only up to the cap beyond it, saying so', async () => {
    const centre = { kind: 'all', caseKind: 'general' } as const;
    const search = (q: string, view?: 'overdue') => resolveFilter({ q, view }, 'nobody', new Date());
    const exact = await get(tok.center, { q: 'เรื่อง' }).expect(200);
    expect(exact.body.counts).toEqual({ received: 1, accepted: 3, assigned: 1, rejected: 1 });
    expect(exact.body.countsCapped).toBe(false);
    expect((await get(tok.center)).body.countsCapped).toBe(false);

    const capped = new CaseQueueRepository(t.db, 4);
    const over = await capped.countByStatus(centre, search('เรื่อง'));
    expect(over.capped).toBe(true);
    expect(Object.values(over.byStatus).reduce((a, b) => a + b, 0)).toBe(5);
    expect(await capped.countSearchTotal(centre, search('เรื่อง'))).toEqual({ n: 4, atLeast: true });
    // Within the cap, with the view's own filters (two overdue cases: overdue, explained; done is closed).
    expect(await capped.countSearchTotal(centre, search('เรื่อง', 'overdue'))).toEqual({ n: 2, atLeast: false });
    expect(await capped.countByStatus(centre, search('เรื่อง fresh'))).toEqual({ byStatus: { received: 1 }, capped: false });
  });

  it('pages with a keyset cursor in either direction, without repeats or gaps', async () => {
    for (const sort of ['dueAt', '-dueAt', 'receivedAt', '-receivedAt', 'updatedAt', '-updatedAt']) {
      const all = names((await get(tok.center, { sort, limit: 100 })).body.items);
      const seen: Array<string | undefined> = [];
      let cursor: string | null = null;
      do {
        const res: request.Response = await get(tok.center, { sort, limit: 4, ...(cursor ? { cursor } : {}) }).expect(200);
        seen.push(...names(res.body.items));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect({ sort, seen }).toEqual({ sort, seen: all });
      expect(all).toHaveLength(6);
    }
  });

  it('keeps the trigger-maintained status totals equal to a live count', async () => {
    await act(t, tok.center, c.mine.id, { action: 'assign', departmentId: await departmentId(t, 'health') }).expect(200);
    const kept = await t.db.query(
      `SELECT kind, department_id::text AS dept, status, n::int FROM case_status_counts WHERE n > 0 ORDER BY 1, 2, 3`,
    );
    const live = await t.db.query(
      `SELECT kind, coalesce(department_id, '00000000-0000-0000-0000-000000000000')::text AS dept, status, count(*)::int AS n
       FROM cases GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    expect(kept).toEqual(live);
    const centre = (await get(tok.center)).body.counts;
    const narrowed = (await get(tok.center, { channel: 'phone' })).body.counts;
    expect(Object.values(centre).reduce((a, b) => (a as number) + (b as number), 0)).toBe(6);
    expect(Object.values(narrowed).reduce((a, b) => (a as number) + (b as number), 0)).toBe(5);
    await act(t, tok.center, c.mine.id, { action: 'assign', departmentId: await departmentId(t, 'works'), assigneeId: await userId(t, STAFF.works) }).expect(200);
  });

  it('rejects bad parameters naming them', async () => {
    for (const [q, field] of [
      [{ view: 'everything' }, 'view'],
      [{ status: 'received,lost' }, 'status'],
      [{ limit: 1000 }, 'limit'],
      [{ sort: 'subject' }, 'sort'],
      [{ cursor: 'abc' }, 'cursor'],
      [{ assigneeId: 'someone' }, 'assigneeId'],
      [{ unknown: 'x' }, 'unknown'],
    ] as const) {
      const res = await get(tok.center, q as Record<string, string>).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });
});
