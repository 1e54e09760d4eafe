import { CASE_STATUSES, CaseStatus } from './case.types';
import {
  allowedActions,
  CASE_ACTIONS,
  CaseAction,
  COMPLAINANT_ACTIONS,
  decide,
  REOPEN_WINDOW_DAYS,
  tellsComplainant,
  TRANSITIONS,
  WorkflowContext,
} from './case-workflow';

const now = new Date('2026-11-21T03:00:00Z');
const ctx = (status: CaseStatus, extra: Partial<WorkflowContext> = {}): WorkflowContext => ({
  status,
  hasDepartment: true,
  closedAt: status === 'closed' ? new Date(now.getTime() - 24 * 3600 * 1000) : null,
  now,
  ...extra,
});
const center = { role: 'center' as const, sharedOnly: false };

/**
 * The whole table, written out: for every status, the actions the centre
 * may take and where each one leads. `=` keeps the status.
 */
const EXPECTED: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus | '='>>> = {
  received: { accept: 'accepted', reject: 'rejected', assign: 'assigned', note: '=', update: '=', explain: '=', refer: 'referred', withdraw: 'withdrawn', merge: 'merged' },
  accepted: { reject: 'rejected', assign: 'assigned', note: '=', update: '=', explain: '=', refer: 'referred', withdraw: 'withdrawn', merge: 'merged' },
  assigned: { assign: 'assigned', share: '=', start: 'in_progress', note: '=', update: '=', explain: '=', resolve: 'resolved', refer: 'referred', withdraw: 'withdrawn', merge: 'merged' },
  in_progress: { assign: 'assigned', share: '=', note: '=', update: '=', explain: '=', resolve: 'resolved', refer: 'referred', withdraw: 'withdrawn', merge: 'merged' },
  resolved: { note: '=', update: '=', close: 'closed', reopen: 'in_progress' },
  closed: { note: '=', reopen: 'in_progress' },
  rejected: { note: '=' },
  referred: { note: '=', close: 'closed' },
  withdrawn: { note: '=' },
  merged: { note: '=' },
};

describe('the transition table, exhaustively', () => {
  const pairs = CASE_STATUSES.flatMap((s) => CASE_ACTIONS.map((a) => [s, a] as const));

  it.each(pairs)('%s + %s', (status, action) => {
    const expected = EXPECTED[status][action];
    const d = decide(action, center, ctx(status));
    if (expected === undefined) {
      expect(d).toMatchObject({ ok: false, reason: 'status' });
    } else {
      expect(d).toMatchObject({ ok: true, to: expected === '=' ? status : expected });
    }
  });

  it('lists, in a refusal, exactly the actions the table allows', () => {
    for (const status of CASE_STATUSES) {
      expect(new Set(allowedActions(center, ctx(status)))).toEqual(new Set(Object.keys(EXPECTED[status])));
    }
  });
});

describe('visibility of events', () => {
  const where: Record<CaseAction, CaseStatus> = {
    accept: 'received', reject: 'received', assign: 'received', share: 'assigned', start: 'assigned',
    note: 'received', update: 'received', explain: 'received', resolve: 'assigned', close: 'resolved',
    reopen: 'resolved', refer: 'received', withdraw: 'received', merge: 'received',
  };

  it.each(CASE_ACTIONS)('%s is public unless it is a note or a share', (action) => {
    expect(decide(action, center, ctx(where[action]))).toEqual({
      ok: true,
      to: expect.any(String),
      public: action !== 'note' && action !== 'share',
    });
  });
});

describe('reopen', () => {
  it('goes back to work within 30 days of closing, and not after', () => {
    const day = 24 * 3600 * 1000;
    const justInside = new Date(now.getTime() - REOPEN_WINDOW_DAYS * day);
    const outside = new Date(now.getTime() - REOPEN_WINDOW_DAYS * day - 1);
    expect(decide('reopen', center, ctx('closed', { closedAt: justInside }))).toMatchObject({ ok: true, to: 'in_progress' });
    expect(decide('reopen', center, ctx('closed', { closedAt: outside }))).toMatchObject({ ok: false, reason: 'reopen_window' });
    expect(allowedActions(center, ctx('closed', { closedAt: outside }))).toEqual(['note']);
  });

  it('goes back to screening when no department holds the case', () => {
    expect(decide('reopen', center, ctx('resolved', { hasDepartment: false }))).toMatchObject({ ok: true, to: 'accepted' });
  });
});

describe('roles', () => {
  it('lets officers work but not route, reject, close or merge', () => {
    const officer = { role: 'officer' as const, sharedOnly: false };
    expect(decide('start', officer, ctx('assigned'))).toMatchObject({ ok: true, to: 'in_progress' });
    expect(decide('resolve', officer, ctx('in_progress'))).toMatchObject({ ok: true, to: 'resolved' });
    for (const a of ['accept', 'reject', 'assign', 'share', 'close', 'reopen', 'refer', 'withdraw', 'merge'] as const) {
      expect(decide(a, officer, ctx('received'))).toMatchObject({ ok: false, reason: 'role' });
    }
  });

  it('lets heads route within their department and share with another', () => {
    const head = { role: 'head' as const, sharedOnly: false };
    expect(decide('assign', head, ctx('assigned'))).toMatchObject({ ok: true });
    expect(decide('share', head, ctx('in_progress'))).toMatchObject({ ok: true });
    expect(decide('close', head, ctx('resolved'))).toMatchObject({ ok: false, reason: 'role' });
  });

  it('limits a department that a case is only shared with to notes and progress updates', () => {
    const collaborator = { role: 'head' as const, sharedOnly: true };
    expect(allowedActions(collaborator, ctx('in_progress'))).toEqual(['note', 'update']);
    expect(decide('resolve', collaborator, ctx('in_progress'))).toMatchObject({ ok: false, reason: 'role' });
  });

  it('gives executives and administrators no actions', () => {
    for (const role of ['executive', 'admin'] as const) {
      for (const status of CASE_STATUSES) expect(allowedActions({ role, sharedOnly: false }, ctx(status))).toEqual([]);
    }
  });
});

describe('who hears of what', () => {
  it('tells the complainant of the outcome and the progress, read off the one table', () => {
    expect([...COMPLAINANT_ACTIONS].sort()).toEqual(['accept', 'close', 'explain', 'refer', 'reject', 'resolve', 'update']);
    expect(tellsComplainant('note')).toBe(false);
    expect(tellsComplainant('receive')).toBe(false);
    for (const a of COMPLAINANT_ACTIONS) expect(TRANSITIONS[a].public).toBe(true);
  });
});
