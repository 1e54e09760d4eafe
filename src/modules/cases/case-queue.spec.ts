import { resolveFilter, sortSpec } from './case-queue';

const now = new Date('2026-11-21T03:00:00Z');
const me = '11111111-1111-1111-1111-111111111111';

describe('resolveFilter', () => {
  it('turns the built-in views into conditions', () => {
    expect(resolveFilter({ view: 'unscreened' }, me, now)).toMatchObject({ status: ['received'] });
    expect(resolveFilter({ view: 'mine' }, me, now)).toMatchObject({ assigneeId: me });
    expect(resolveFilter({ view: 'due_soon' }, me, now)).toMatchObject({
      openOnly: true,
      dueFrom: now,
      dueBefore: new Date('2026-11-24T03:00:00Z'),
    });
    expect(resolveFilter({ view: 'overdue' }, me, now)).toMatchObject({ openOnly: true, dueBefore: now });
    expect(resolveFilter({ view: 'awaiting_explanation' }, me, now)).toMatchObject({
      openOnly: true,
      dueBefore: now,
      unexplained: true,
    });
  });

  it('combines a view with explicit filters, keeping the narrower one', () => {
    expect(resolveFilter({ view: 'unscreened', status: ['received', 'closed'] }, me, now).status).toEqual(['received']);
    const early = '2026-11-01T00:00:00.000Z';
    expect(resolveFilter({ view: 'overdue', dueBefore: early }, me, now).dueBefore?.toISOString()).toBe(early);
    expect(resolveFilter({ assigneeId: 'me' }, me, now).assigneeId).toBe(me);
    expect(resolveFilter({ overdue: false }, me, now)).toMatchObject({ notOverdueAt: now });
  });

  it('searches by reference number when q is one, else by subject with LIKE wildcards escaped', () => {
    expect(resolveFilter({ q: 'g-2569-000123' }, me, now)).toMatchObject({ referenceNo: 'G-2569-000123' });
    expect(resolveFilter({ q: ' 100%_ok ' }, me, now)).toMatchObject({ subjectLike: '%100\\%\\_ok%' });
  });
});

describe('sorting', () => {
  it('reads a leading minus as descending', () => {
    expect(sortSpec('-updatedAt')).toEqual({ column: 'updated_at', descending: true });
    expect(sortSpec()).toEqual({ column: 'due_at', descending: false });
  });
});
