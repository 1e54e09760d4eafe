import type { Role } from '../users/user.entity';
import { CASE_STATUSES, CaseKind, CaseStatus, OPEN_STATUSES } from './case.types';

export const CASE_ACTIONS = [
  'accept',
  'reject',
  'assign',
  'share',
  'start',
  'note',
  'update',
  'explain',
  'resolve',
  'close',
  'reopen',
  'refer',
  'withdraw',
  'merge',
  // Corruption cases (seed 004, project 33: fact-finding, the outcome, disciplinary follow-up).
  'investigate',
  'conclude',
  'discipline',
  'message',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * How a corruption case's fact-finding ended. A referral hands the case to
 * an outside body (the NACC, the PACC, the provincial office); the others
 * settle it here.
 */
export const CORRUPTION_OUTCOMES = [
  'substantiated',
  'unsubstantiated',
  'insufficient_information',
  'referred_nacc',
  'referred_pacc',
  'referred_provincial',
] as const;
export type CorruptionOutcome = (typeof CORRUPTION_OUTCOMES)[number];

/** The agency a referral outcome hands the case to, as the register records it (`referredTo`). */
export const REFERRAL_AGENCIES: Partial<Record<CorruptionOutcome, string>> = {
  referred_nacc: 'สำนักงาน ป.ป.ช. (NACC)',
  referred_pacc: 'สำนักงาน ป.ป.ท. (PACC)',
  referred_provincial: 'สำนักงานจังหวัด (Provincial office)',
};

const OPEN = OPEN_STATUSES;
const ALL = CASE_STATUSES;

/** Reopening is for a complainant who comes back soon; after that it is a new complaint. */
export const REOPEN_WINDOW_DAYS = 30;

interface Rule {
  from: readonly CaseStatus[];
  /** The status after the action; `null` keeps the current one. */
  to: CaseStatus | null | ((ctx: WorkflowContext) => CaseStatus);
  /** Whether the complainant sees the event on the tracking page. */
  public: boolean;
  /** Whether the complainant is told by email (seed 004: the result or the progress, R5). */
  notify?: true;
  /** The kinds of case it applies to; both when absent. */
  kinds?: readonly CaseKind[];
}

const GENERAL: readonly CaseKind[] = ['general'];
const CORRUPTION: readonly CaseKind[] = ['corruption'];

/**
 * The transition table: in which statuses an action may be taken, where it
 * leads, and whether the complainant sees it. Everything about the
 * workflow's shape is here and nowhere else.
 */
export const TRANSITIONS = {
  accept: { from: ['received'], to: 'accepted', public: true, notify: true },
  reject: { from: ['received', 'accepted'], to: 'rejected', public: true, notify: true },
  // Corruption cases stay with the integrity officer: never routed to a department.
  assign: { from: OPEN, to: 'assigned', public: true, kinds: GENERAL },
  share: { from: ['assigned', 'in_progress'], to: null, public: false, kinds: GENERAL },
  start: { from: ['assigned'], to: 'in_progress', public: true, kinds: GENERAL },
  note: { from: ALL, to: null, public: false },
  update: { from: [...OPEN, 'resolved'], to: null, public: true, notify: true },
  explain: { from: OPEN, to: null, public: true, notify: true },
  resolve: { from: ['assigned', 'in_progress'], to: 'resolved', public: true, notify: true, kinds: GENERAL },
  close: { from: ['resolved', 'referred'], to: 'closed', public: true, notify: true },
  reopen: { from: ['resolved', 'closed'], to: (ctx) => (ctx.hasDepartment ? 'in_progress' : 'accepted'), public: true },
  refer: { from: OPEN, to: 'referred', public: true, notify: true },
  withdraw: { from: OPEN, to: 'withdrawn', public: true },
  merge: { from: OPEN, to: 'merged', public: true },
  /** Fact-finding (สืบสวนข้อเท็จจริง) begins, or goes on. */
  investigate: { from: ['received', 'accepted', 'in_progress'], to: 'in_progress', public: true, kinds: CORRUPTION },
  /** The outcome of the fact-finding; a referral leaves the case with the outside body. */
  conclude: {
    from: ['in_progress'],
    to: (ctx) => (ctx.outcome && REFERRAL_AGENCIES[ctx.outcome] ? 'referred' : 'resolved'),
    public: true,
    kinds: CORRUPTION,
  },
  /** Disciplinary follow-up of a proven case, also after it is closed: staff only. */
  discipline: { from: ['resolved', 'referred', 'closed'], to: null, public: false, kinds: CORRUPTION },
  /** The integrity officer writes to the whistleblower (a message, not a line of the public timeline). */
  message: { from: ALL, to: null, public: false, kinds: CORRUPTION },
} as const satisfies Readonly<Record<CaseAction, Rule>>;
/** The same table, read through the rule type (the literal type above serves ComplainantAction). */
const RULES: Readonly<Record<CaseAction, Rule>> = TRANSITIONS;

/** The actions the complainant hears about by email, read off the table. */
export type ComplainantAction = {
  [A in CaseAction]: (typeof TRANSITIONS)[A] extends { notify: true } ? A : never;
}[CaseAction];
export const COMPLAINANT_ACTIONS = CASE_ACTIONS.filter((a): a is ComplainantAction => 'notify' in TRANSITIONS[a]);

/** Whether the complainant sees the action's event (and its message) on the tracking page. */
export function isPublicAction(action: CaseAction): boolean {
  return RULES[action].public;
}

export function tellsComplainant(action: string): action is ComplainantAction {
  return (COMPLAINANT_ACTIONS as readonly string[]).includes(action);
}

/**
 * What each role may do to a case it can see. Department staff work their
 * own cases; on a case only shared with them they can add notes and
 * progress. Executives read; administrators do not handle cases.
 */
const ROLE_ACTIONS: Readonly<Record<Role, readonly CaseAction[]>> = {
  center: CASE_ACTIONS,
  integrity: CASE_ACTIONS,
  head: ['assign', 'share', 'start', 'note', 'update', 'explain', 'resolve'],
  officer: ['start', 'note', 'update', 'explain', 'resolve'],
  executive: [],
  admin: [],
};
const SHARED_ACTIONS: readonly CaseAction[] = ['note', 'update'];

export interface WorkflowContext {
  kind: CaseKind;
  status: CaseStatus;
  /** The outcome given with `conclude`. */
  outcome?: CorruptionOutcome;
  hasDepartment: boolean;
  closedAt: Date | null;
  now: Date;
}

export interface Actor {
  role: Role;
  /** True when the case is only shared with the actor's department, not owned by it. */
  sharedOnly: boolean;
}

export type Decision =
  | { ok: true; to: CaseStatus; public: boolean }
  | { ok: false; reason: 'role'; allowed: CaseAction[] }
  | { ok: false; reason: 'kind'; allowed: CaseAction[] }
  | { ok: false; reason: 'status'; allowed: CaseAction[] }
  | { ok: false; reason: 'reopen_window'; allowed: CaseAction[] };

function permitted(actor: Actor): readonly CaseAction[] {
  const byRole = ROLE_ACTIONS[actor.role];
  return actor.sharedOnly ? byRole.filter((a) => SHARED_ACTIONS.includes(a)) : byRole;
}

function kindAllows(action: CaseAction, ctx: WorkflowContext): boolean {
  const kinds = RULES[action].kinds;
  return !kinds || kinds.includes(ctx.kind);
}

function statusAllows(action: CaseAction, ctx: WorkflowContext): boolean {
  if (!kindAllows(action, ctx)) return false;
  if (!RULES[action].from.includes(ctx.status)) return false;
  if (action === 'reopen' && ctx.status === 'closed') {
    const closedAt = ctx.closedAt?.getTime() ?? 0;
    return ctx.now.getTime() - closedAt <= REOPEN_WINDOW_DAYS * 24 * 3600 * 1000;
  }
  return true;
}

/** The actions this actor could take on the case now (for the UI and for 409 answers). */
export function allowedActions(actor: Actor, ctx: WorkflowContext): CaseAction[] {
  return permitted(actor).filter((a) => statusAllows(a, ctx));
}

export function decide(action: CaseAction, actor: Actor, ctx: WorkflowContext): Decision {
  const allowed = allowedActions(actor, ctx);
  if (!permitted(actor).includes(action)) return { ok: false, reason: 'role', allowed };
  if (!kindAllows(action, ctx)) return { ok: false, reason: 'kind', allowed };
  if (!RULES[action].from.includes(ctx.status)) return { ok: false, reason: 'status', allowed };
  if (!statusAllows(action, ctx)) return { ok: false, reason: 'reopen_window', allowed };
  return { ok: true, to: statusAfter(action, ctx), public: RULES[action].public };
}

/** The status the case has after the action (the current one for actions that keep it); also what a preview shows. */
export function statusAfter(action: CaseAction, ctx: WorkflowContext): CaseStatus {
  const to = RULES[action].to;
  return to === null ? ctx.status : typeof to === 'function' ? to(ctx) : to;
}
