import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/time/clock';
import { bangkokDate } from '../../../common/time/thai-calendar';
import type { StaffUser } from '../../auth/staff-user';
import type { CaseKind } from '../../cases';
import type { BreakdownEntryDto, SatisfactionDto, SummaryRowDto } from '../dto/summary.dto';
import { fiscalMonthOf } from '../report-periods';
import { SummaryService } from '../summary/summary.service';
import { DashboardRepository } from './dashboard.repository';

/** The headline figures of one span: what an executive reads first. */
export interface Headline {
  label: string;
  labelEn: string;
  received: number;
  resolved: number;
  /** The 15-day rate of the summary (withinDeadlinePct). */
  withinDeadlinePct: number | null;
  satisfaction: SatisfactionDto;
}

export interface MonthBar {
  label: string;
  labelEn: string;
  received: number;
  resolved: number;
}

export interface Dashboard {
  fiscalYear: number;
  kind: CaseKind;
  departmentId: string | null;
  asOf: string;
  month: Headline;
  year: Headline;
  overdueNow: number;
  /** October up to this month: the fiscal year so far. */
  months: MonthBar[];
  byChannel: BreakdownEntryDto[];
  byDepartment: BreakdownEntryDto[];
}

function headline(row: SummaryRowDto, label = row.label, labelEn = row.labelEn): Headline {
  return {
    label,
    labelEn,
    received: row.received,
    resolved: row.resolved,
    withinDeadlinePct: row.withinDeadlinePct,
    satisfaction: row.satisfaction,
  };
}

/**
 * This month and the fiscal year so far, from the same summary the reports
 * export (so the dashboard and the XLSX never disagree), in the caller's
 * scope; plus what no month of receipt can tell: how many cases are overdue now.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly summaries: SummaryService,
    private readonly repo: DashboardRepository,
    private readonly clock: Clock,
  ) {}

  async dashboard(user: StaffUser): Promise<Dashboard> {
    const now = this.clock.now();
    const req = await this.summaries.resolve(user, {});
    const [summary, overdueNow] = await Promise.all([
      this.summaries.summary(req),
      this.repo.overdueOpen(now, req.filter.kind, req.filter.departmentId),
    ]);
    const current = fiscalMonthOf(bangkokDate(now).month);
    const soFar = summary.rows.slice(0, current);
    return {
      fiscalYear: summary.fiscalYear,
      kind: summary.kind,
      departmentId: summary.departmentId,
      asOf: summary.asOf,
      month: headline(soFar[current - 1]),
      year: headline(summary.totals, `ปีงบประมาณ ${summary.fiscalYear}`, `Fiscal year ${summary.fiscalYear}`),
      overdueNow,
      months: soFar.map((r) => ({ label: r.label, labelEn: r.labelEn, received: r.received, resolved: r.resolved })),
      byChannel: summary.totals.byChannel,
      byDepartment: summary.totals.byDepartment,
    };
  }
}
