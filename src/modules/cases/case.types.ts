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

/** Statuses in which the 15-day clock no longer runs. */
export const SETTLED_STATUSES: ReadonlySet<CaseStatus> = new Set([
  'resolved',
  'closed',
  'rejected',
  'referred',
  'withdrawn',
  'merged',
]);

export function isOverdue(status: CaseStatus, dueAt: Date, now: Date): boolean {
  return !SETTLED_STATUSES.has(status) && now.getTime() > dueAt.getTime();
}
