import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/time/clock';
import { fiscalYearOf } from '../../../common/time/thai-calendar';
import { CASE_KINDS, CaseKind } from '../../cases';
import { periodSpans } from '../report-periods';
import { pct, satisfactionOf, Satisfaction } from '../summary/summary-figures';
import { PublicStatisticsRepository } from './public-statistics.repository';

export interface PublicMonth {
  label: string;
  labelEn: string;
  from: string;
  to: string;
  received: number;
  completed: number;
  inProgress: number;
}

export interface PublicKindFigures {
  received: number;
  completed: number;
  inProgress: number;
  withinDeadlinePct: number | null;
  months: PublicMonth[];
}

export interface PublicStatistics {
  fiscalYear: number;
  general: PublicKindFigures;
  corruption: PublicKindFigures;
  satisfaction: Satisfaction;
  asOf: string;
}

/**
 * The published figures (OIT o31): numbers only, per kind and month of
 * receipt. Nothing here can carry a name, a text or an id of a case.
 */
@Injectable()
export class PublicStatisticsService {
  constructor(
    private readonly repo: PublicStatisticsRepository,
    private readonly clock: Clock,
  ) {}

  currentFiscalYear(): number {
    return fiscalYearOf(this.clock.now());
  }

  async statistics(fiscalYear = this.currentFiscalYear()): Promise<PublicStatistics> {
    const asOf = this.clock.now();
    const rows = await this.repo.byKindAndMonth(fiscalYear);
    const spans = periodSpans(fiscalYear, 'month');
    const figures = (kind: CaseKind): PublicKindFigures => {
      const mine = rows.filter((r) => r.kind === kind);
      const months = spans.map((s) => {
        const r = mine.find((m) => m.month === s.from);
        const received = r?.received ?? 0;
        const open = r?.open ?? 0;
        return { label: s.label, labelEn: s.labelEn, from: s.from, to: s.to, received, completed: received - open, inProgress: open };
      });
      const sum = (f: (r: (typeof mine)[number]) => number) => mine.reduce((a, r) => a + f(r), 0);
      const received = sum((r) => r.received);
      const open = sum((r) => r.open);
      const within = sum((r) => r.completedWithin);
      return {
        received,
        completed: received - open,
        inProgress: open,
        withinDeadlinePct: pct(within, within + sum((r) => r.overdue)),
        months,
      };
    };
    const [general, corruption] = CASE_KINDS.map(figures);
    // Ratings come from complainants of general cases, by tracking code.
    const rated = rows.filter((r) => r.kind === 'general');
    const satisfaction = satisfactionOf({
      feedbackResponses: rated.reduce((a, r) => a + r.feedbackResponses, 0),
      feedbackSum: rated.reduce((a, r) => a + r.feedbackSum, 0),
      feedbackSatisfied: rated.reduce((a, r) => a + r.feedbackSatisfied, 0),
    });
    return { fiscalYear, general, corruption, satisfaction, asOf: asOf.toISOString() };
  }
}
