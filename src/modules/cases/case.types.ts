export const CASE_KINDS = ['general', 'corruption'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CHANNELS = [
  'web',
  'phone',
  'letter',
  'walk_in',
  'complaint_box',
  'email',
  'social',
  'referral',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CASE_STATUSES = [
  'received',
  'accepted',
  'assigned',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
  'referred',
  'withdrawn',
  'merged',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The statuses in which the 15-day clock runs: the one definition, in code and in queries. */
export const OPEN_STATUSES = ['received', 'accepted', 'assigned', 'in_progress'] as const satisfies readonly CaseStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export function isOpen(status: CaseStatus): status is OpenStatus {
  return (OPEN_STATUSES as readonly CaseStatus[]).includes(status);
}

/** Statuses in which the 15-day clock no longer runs. */
export const SETTLED_STATUSES: ReadonlySet<CaseStatus> = new Set(CASE_STATUSES.filter((s) => !isOpen(s)));

/** `'received', 'accepted', …` for an SQL `IN (…)`: constants, never input. */
export const OPEN_STATUSES_SQL = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

export function isOverdue(status: CaseStatus, dueAt: Date, now: Date): boolean {
  return isOpen(status) && now.getTime() > dueAt.getTime();
}

export type Locale = 'th' | 'en';
