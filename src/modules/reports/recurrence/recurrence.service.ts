import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/time/clock';
import { bangkokDate, fiscalYearOf } from '../../../common/time/thai-calendar';
import type { CaseKind } from '../../cases';
import { fiscalMonthOf, periodSpans } from '../report-periods';
import { NO_CATEGORY, NO_DEPARTMENT } from '../report-labels';
import { pct } from '../summary/summary-figures';
import { NO_ID, SummaryRepository } from '../summary/summary.repository';
import { KeyCounts, MonthlyKeyCounts, RecurrenceRepository } from './recurrence.repository';

/** Below this many cases an overdue rate says more about chance than about a pattern. */
export const MIN_CASES_FOR_RATE = 5;

export interface RankedEntry {
  key: string | null;
  label: string;
  labelEn: string;
  received: number;
  overdue: number;
  overdueRatePct: number | null;
}

export interface RisingEntry {
  key: string | null;
  label: string;
  labelEn: string;
  current: number;
  previous: number;
  change: number;
  changePct: number | null;
}

export interface Ranking {
  byVolume: RankedEntry[];
  byOverdueRate: RankedEntry[];
}

export interface Recurrence {
  fiscalYear: number;
  comparedWith: number;
  kind: CaseKind;
  /** The months compared with the same months of the previous year (up to the current month of a running year). */
  months: { from: string; to: string; count: number };
  minCasesForRate: number;
  categories: Ranking;
  departments: Ranking;
  locations: Ranking;
  risingCategories: RisingEntry[];
}

export interface RecurrenceRequest {
  fiscalYear?: number;
  kind: CaseKind;
  departmentId: string | null;
  limit: number;
}

/** Seed 004, project 24 item 6: what keeps coming back, where, and what is rising, to prevent it. */
@Injectable()
export class RecurrenceService {
  constructor(
    private readonly repo: RecurrenceRepository,
    private readonly summary: SummaryRepository,
    private readonly clock: Clock,
  ) {}

  async recurrence(req: RecurrenceRequest): Promise<Recurrence> {
    const now = this.clock.now();
    const current = fiscalYearOf(now);
    const fiscalYear = req.fiscalYear ?? current;
    const uptoMonth = fiscalYear === current ? fiscalMonthOf(bangkokDate(now).month) : 12;
    const years = [fiscalYear, fiscalYear - 1];
    const [categories, departments, locations, nameRows] = await Promise.all([
      this.repo.byMonth(years, req.kind, 'category', req.departmentId),
      this.repo.byMonth(years, req.kind, 'department', req.departmentId),
      this.repo.locations(fiscalYear, req.kind, req.departmentId, req.limit, MIN_CASES_FOR_RATE),
      this.summary.names(),
    ]);
    const names = new Map(nameRows.map((r) => [r.id, { th: r.nameTh, en: r.nameEn }]));
    const label = (key: string, none: { th: string; en: string }) =>
      key === NO_ID ? { key: null, ...none } : { key, ...(names.get(key) ?? { th: key, en: key }) };
    const rank = (rows: KeyCounts[], named: (k: string) => { key: string | null; th: string; en: string }): Ranking => {
      const entries = rows.map((r) => {
        const l = named(r.key);
        return { key: l.key, label: l.th, labelEn: l.en, received: r.received, overdue: r.overdue, overdueRatePct: pct(r.overdue, r.received) };
      });
      return {
        byVolume: [...entries].sort((a, b) => b.received - a.received || a.label.localeCompare(b.label, 'th')).slice(0, req.limit),
        byOverdueRate: entries
          .filter((e) => e.received >= MIN_CASES_FOR_RATE)
          .sort((a, b) => (b.overdueRatePct ?? 0) - (a.overdueRatePct ?? 0) || b.received - a.received)
          .slice(0, req.limit),
      };
    };
    const thisYear = (rows: MonthlyKeyCounts[]) => totalsByKey(rows.filter((r) => r.fiscalYear === fiscalYear));
    const category = (k: string) => label(k, NO_CATEGORY);
    const spans = periodSpans(fiscalYear, 'month');
    return {
      fiscalYear,
      comparedWith: fiscalYear - 1,
      kind: req.kind,
      months: { from: spans[0].label, to: spans[uptoMonth - 1].label, count: uptoMonth },
      minCasesForRate: MIN_CASES_FOR_RATE,
      categories: rank(thisYear(categories), category),
      departments: rank(thisYear(departments), (k) => label(k, NO_DEPARTMENT)),
      locations: rank([...locations.byVolume, ...locations.byOverdueRate.filter((l) => !locations.byVolume.some((v) => v.key === l.key))], (k) => ({ key: k, th: k, en: k })),
      risingCategories: rising(categories, fiscalYear, uptoMonth, category).slice(0, req.limit),
    };
  }
}

function totalsByKey(rows: Array<{ key: string; received: number; overdue: number }>): KeyCounts[] {
  const sums = new Map<string, KeyCounts>();
  for (const r of rows) {
    const s = sums.get(r.key) ?? { key: r.key, received: 0, overdue: 0 };
    s.received += r.received;
    s.overdue += r.overdue;
    sums.set(r.key, s);
  }
  return [...sums.values()];
}

/** Categories with more cases in months 1..upto of this year than in the same months of the last. */
export function rising(
  rows: MonthlyKeyCounts[],
  fiscalYear: number,
  upto: number,
  named: (k: string) => { key: string | null; th: string; en: string },
): RisingEntry[] {
  const inSpan = rows.filter((r) => r.fiscalMonth <= upto);
  const now = totalsByKey(inSpan.filter((r) => r.fiscalYear === fiscalYear));
  const before = new Map(totalsByKey(inSpan.filter((r) => r.fiscalYear === fiscalYear - 1)).map((r) => [r.key, r.received]));
  return now
    .map((r) => {
      const previous = before.get(r.key) ?? 0;
      const l = named(r.key);
      return { key: l.key, label: l.th, labelEn: l.en, current: r.received, previous, change: r.received - previous, changePct: pct(r.received - previous, previous) };
    })
    .filter((r) => r.change > 0)
    .sort((a, b) => b.change - a.change || a.label.localeCompare(b.label, 'th'));
}
