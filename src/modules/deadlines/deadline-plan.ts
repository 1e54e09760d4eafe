/**
 * The timers of an open case, as a rule: reminders some days before the
 * due date, the deadline itself, and a second escalation a further 15 days
 * on. Pure: the database and the clock are the caller's.
 */
const DAY_MS = 24 * 3600 * 1000;

/** Still open this long after the deadline: the executive is told. */
export const ESCALATE_AFTER_DAYS = 15;

export type Occasion = 'deadline' | 'escalation' | `reminder-${number}d`;

export interface Timer {
  occasion: Occasion;
  fireAt: Date;
  /** The due date the timer belongs to: a timer of an earlier due date is stale. */
  dueAt: Date;
}

export function reminderOccasion(daysBefore: number): Occasion {
  return `reminder-${daysBefore}d`;
}

export function isReminder(occasion: string): boolean {
  return /^reminder-\d{1,2}d$/.test(occasion);
}

export function isOccasion(occasion: string): occasion is Occasion {
  return occasion === 'deadline' || occasion === 'escalation' || isReminder(occasion);
}

/** Every timer of a case due at `dueAt`, earliest first. */
export function planTimers(dueAt: Date, reminderDaysBefore: readonly number[]): Timer[] {
  const due = dueAt.getTime();
  const reminders = [...new Set(reminderDaysBefore)]
    .filter((d) => Number.isInteger(d) && d > 0)
    .map((d): Timer => ({ occasion: reminderOccasion(d), fireAt: new Date(due - d * DAY_MS), dueAt }));
  return [
    ...reminders,
    { occasion: 'deadline' as const, fireAt: dueAt, dueAt },
    { occasion: 'escalation' as const, fireAt: new Date(due + ESCALATE_AFTER_DAYS * DAY_MS), dueAt },
  ].sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
}

/**
 * The one timer a case needs now: the first that has not fired. A
 * reminder whose moment passed while a later timer's moment passed too
 * (a backdated registration, a reopened case, a queue that lost its jobs)
 * is skipped: staff hear the latest news once, not a burst of stale ones.
 * The deadline and the escalation are never skipped.
 */
export function nextTimer(plan: readonly Timer[], fired: ReadonlySet<string>, now: Date): Timer | null {
  for (let i = 0; i < plan.length; i++) {
    const t = plan[i];
    if (fired.has(t.occasion)) continue;
    const later = plan[i + 1];
    const stale = isReminder(t.occasion) && t.fireAt <= now && later !== undefined && later.fireAt <= now;
    if (!stale) return t;
  }
  return null;
}

/**
 * The BullMQ job id of a timer: one per case, occasion and due date, so that
 * adding it twice is a no-op and a re-dated case gets new ones. (BullMQ
 * refuses custom ids containing `:`.)
 */
export function timerJobId(caseId: string, t: Pick<Timer, 'occasion' | 'dueAt'>): string {
  const epoch = t.dueAt.getTime();
  if (t.occasion === 'deadline') return `deadline-${caseId}-${epoch}`;
  if (t.occasion === 'escalation') return `escalation-${caseId}-${epoch}`;
  return `reminder-${caseId}-${t.occasion.slice('reminder-'.length)}-${epoch}`;
}
