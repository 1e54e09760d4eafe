import { CASE_STATUSES, CaseStatus } from './case.types';
import {
  allowedActions,
  CASE_ACTIONS,
  CaseAction,
  COMPLAINANT_ACTIONS,
  CORRUPTION_OUTCOMES,
  decide,
  REFERRAL_AGENCIES,
  REOPEN_WINDOW_DAYS,
  tellsComplainant,
  TRANSITIONS,
  WorkflowContext,
} from './case-workflow';

const now = new Date('2026-11-21T03:00:00Z');
const ctx = (status: CaseStatus, extra: Partial<WorkflowContext> = {}): WorkflowContext => ({
  kind: 'general',
  status,
  hasDepartment: true,
  closedAt: status === 'closed' ? new Date(now.getTime() - 24 * 3600 * 1000) : null,
  now,
  ...extra,
});
const center = { role: 'center' as const, sharedOnly: false };

/**
 * The whole table, written out: for every status, the actions the centre
 * may take on a general case and where each one leads. `=` keeps the status.
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

/**
 * The same for the integrity officer on a corruption case: never routed
 * (no assign, share, start or resolve), and its own steps: fact-finding,
 * the outcome (here without one, so `conclude` resolves), disciplinary
 * follow-up and messages to the whistleblower.
 */
const EXPECTED_CORRUPTION: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus | '='>>> = {
  received: { accept: 'accepted', reject: 'rejected', note: '=', update: '=', explain: '=', refer: 'referred', withdraw: 'withdrawn', merge: 'merged', investigate: 'in_progress', message: '=' },
  accepted: { reject: 'rejected', note: '=', update: '=', explain: '=', refer: 'referred', withdraw: 'withdrawn', merge: 'merged', investigate: 'in_progress', message: '=' },
  assigned: { note: '=', update: '=', explain: '=', refer: 'referred', withdraw: 'withdrawn', merge: 'merged', message: '=' },
  in_progress: { note: '=', update: '=', explain: '=', refer: 'referred', withdraw: 'withdrawn', merge: 'merged', investigate: 'in_progress', conclude: 'resolved', message: '=' },
  resolved: { note: '=', update: '=', close: 'closed', reopen: 'accepted', discipline: '=', message: '=' },
  closed: { note: '=', reopen: 'accepted', discipline: '=', message: '=' },
  rejected: { note: '=', message: '=' },
  referred: { note: '=', close: 'closed', discipline: '=', message: '=' },
  withdrawn: { note: '=', message: '=' },
  merged: { note: '=', message: '=' },
};
const GENERAL_ONLY: readonly CaseAction[] = ['assign', 'share', 'start', 'resolve'];
const CORRUPTION_ONLY: readonly CaseAction[] = ['investigate', 'conclude', 'discipline', 'message'];

describe.each([
  ['general', center, EXPECTED, CORRUPTION_ONLY],
  ['corruption', { role: 'integrity' as const, sharedOnly: false }, EXPECTED_CORRUPTION, GENERAL_ONLY],
] as const)('the transition table for %s cases, exhaustively', (kind, actor, expectedTable, otherKinds) => {
  const pairs = CASE_STATUSES.flatMap((s) => CASE_ACTIONS.map((a) => [s, a] as const));
  const at = (status: CaseStatus) => ctx(status, { kind, hasDepartment: kind === 'general' });

  it.each(pairs)('%s + %s', (status, action) => {
    const expected = expectedTable[status][action];
    const d = decide(action, actor, at(status));
    if (expected === undefined) {
      expect(d).toMatchObject({ ok: false, reason: otherKinds.includes(action) ? 'kind' : 'status' });
    } else {
      expect(d).toMatchObject({ ok: true, to: expected === '=' ? status : expected });
    }
  });

  it('lists, in a refusal, exactly the actions the table allows', () => {
    for (const status of CASE_STATUSES) {
      expect(new Set(allowedActions(actor, at(status)))).toEqual(new Set(Object.keys(expectedTable[status])));
    }
  });
});

describe('the outcome of a corruption case', () => {
  const integrity = { role: 'integrity' as const, sharedOnly: false };

  it.each(CORRUPTION_OUTCOMES)('%s: a referral leaves the case referred, any other outcome resolves it', (outcome) => {
    const d = decide('conclude', integrity, ctx('in_progress', { kind: 'corruption', hasDepartment: false, outcome }));
    expect(d).toEqual({ ok: true, to: REFERRAL_AGENCIES[outcome] ? 'referred' : 'resolved', public: true });
  });

  it('refers to the NACC, the PACC and the provincial office, and to nobody else', () => {
    expect(Object.keys(REFERRAL_AGENCIES).sort()).toEqual(['referred_nacc', 'referred_pacc', 'referred_provincial']);
  });

  it('keeps disciplinary follow-up and messages off the public timeline, and shows fact-finding and the outcome', () => {
    const on = (status: CaseStatus) => ctx(status, { kind: 'corruption', hasDepartment: false });
    expect(decide('discipline', integrity, on('resolved'))).toMatchObject({ ok: true, public: false });
    expect(decide('message', integrity, on('received'))).toMatchObject({ ok: true, public: false });
    expect(decide('investigate', integrity, on('accepted'))).toMatchObject({ ok: true, public: true });
  });

  it('gives the corruption steps to the integrity officer alone', () => {
    for (const role of ['officer', 'head', 'executive', 'admin'] as const) {
      for (const action of CORRUPTION_ONLY) {
        expect(decide(action, { role, sharedOnly: false }, ctx('in_progress', { kind: 'corruption' }))).toMatchObject({ ok: false, reason: 'role' });
      }
    }
  });
});

describe('visibility of events', () => {
  const where: Partial<Record<CaseAction, CaseStatus>> = {
    accept: 'received', reject: 'received', assign: 'received', share: 'assigned', start: 'assigned',
    note: 'received', update: 'received', explain: 'received', resolve: 'assigned', close: 'resolved',
    reopen: 'resolved', refer: 'received', withdraw: 'received', merge: 'received',
  };
  const GENERAL_ACTIONS = CASE_ACTIONS.filter((a) => !CORRUPTION_ONLY.includes(a));

  it.each(GENERAL_ACTIONS)('%s is public unless it is a note or a share', (action) => {
    expect(decide(action, center, ctx(where[action] as CaseStatus))).toEqual({
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
