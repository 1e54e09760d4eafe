import type { CellSums } from './summary.repository';

/** The 80 % satisfaction target of seed 004 (project 24, ผลลัพธ์). */
export const SATISFACTION_TARGET_PCT = 80;

export type Sums = Omit<CellSums, 'section' | 'key' | 'part'>;

export const ZERO: Sums = {
  received: 0,
  resolved: 0,
  resolvedWithin: 0,
  resolvedLate: 0,
  resolveSeconds: 0,
  open: 0,
  overdue: 0,
  completedWithin: 0,
  rejected: 0,
  referred: 0,
  withdrawn: 0,
  merged: 0,
  feedbackResponses: 0,
  feedbackSum: 0,
  feedbackSatisfied: 0,
};

export function addSums(a: Sums, b: Sums): Sums {
  const out = { ...a };
  for (const k of Object.keys(ZERO) as Array<keyof Sums>) out[k] = a[k] + b[k];
  return out;
}

/** Percentage with one decimal; null when there is nothing to divide by. */
export function pct(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

const DAY_S = 86_400;

/** The median of a histogram `days → n` (the mean of the two middle values for an even count). */
export function medianOf(hist: ReadonlyMap<number, number>): number | null {
  const total = [...hist.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const sorted = [...hist.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const at = (rank: number) => {
    let seen = 0;
    for (const [days, n] of sorted) {
      seen += n;
      if (seen >= rank) return days;
    }
    return sorted[sorted.length - 1][0];
  };
  return total % 2 === 1 ? at((total + 1) / 2) : (at(total / 2) + at(total / 2 + 1)) / 2;
}

export interface Satisfaction {
  responses: number;
  /** Mean rating 1–5, two decimals. */
  average: number | null;
  /** Share rating 4 or 5. */
  satisfiedPct: number | null;
  targetPct: number;
}

export interface Figures {
  received: number;
  resolved: number;
  resolvedWithinDeadline: number;
  resolvedLate: number;
  open: number;
  overdue: number;
  rejected: number;
  referred: number;
  withdrawn: number;
  merged: number;
  completedWithinDeadline: number;
  resolvedWithinDeadlinePct: number | null;
  withinDeadlinePct: number | null;
  avgDaysToResolve: number | null;
  medianDaysToResolve: number | null;
  satisfaction: Satisfaction;
}

export function satisfactionOf(s: Pick<Sums, 'feedbackResponses' | 'feedbackSum' | 'feedbackSatisfied'>): Satisfaction {
  return {
    responses: s.feedbackResponses,
    average: s.feedbackResponses ? Math.round((s.feedbackSum / s.feedbackResponses) * 100) / 100 : null,
    satisfiedPct: pct(s.feedbackSatisfied, s.feedbackResponses),
    targetPct: SATISFACTION_TARGET_PCT,
  };
}

/** The figures of one row from its sums and its histogram of days to resolve (definitions: README, Statistics). */
export function figuresOf(s: Sums, days: ReadonlyMap<number, number>): Figures {
  return {
    received: s.received,
    resolved: s.resolved,
    resolvedWithinDeadline: s.resolvedWithin,
    resolvedLate: s.resolvedLate,
    open: s.open,
    overdue: s.overdue,
    rejected: s.rejected,
    referred: s.referred,
    withdrawn: s.withdrawn,
    merged: s.merged,
    completedWithinDeadline: s.completedWithin,
    resolvedWithinDeadlinePct: pct(s.resolvedWithin, s.resolved),
    // Decided cases: finished before the due date, or overdue (finished late or still open past it).
    withinDeadlinePct: pct(s.completedWithin, s.completedWithin + s.overdue),
    avgDaysToResolve: s.resolved ? Math.round((s.resolveSeconds / DAY_S / s.resolved) * 10) / 10 : null,
    medianDaysToResolve: medianOf(days),
    satisfaction: satisfactionOf(s),
  };
}
