import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../../common/errors/domain-error';
import { Clock } from '../../../common/time/clock';
import { fiscalYearOf } from '../../../common/time/thai-calendar';
import type { StaffUser } from '../../auth/staff-user';
import { CaseKind, Channel } from '../../cases';
import type { BreakdownEntryDto, SummaryDto, SummaryQueryDto, SummaryRowDto } from '../dto/summary.dto';
import { CHANNEL_LABELS, KIND_LABELS, NO_CATEGORY, NO_DEPARTMENT } from '../report-labels';
import { Period, periodSpans, PeriodSpan } from '../report-periods';
import { addSums, figuresOf, Sums, ZERO } from './summary-figures';
import { CellFilter, CellSums, NO_ID, Section, SummaryRepository } from './summary.repository';

/**
 * Who reads which figures. Every staff role that reads statistics sees its
 * own kind of case in detail: the integrity officer corruption cases (the
 * only role that handles them, and the one that prepares the o31 figures),
 * everyone else general cases. The other kind appears only as counts in
 * `byKind`. Department heads and officers see their own department only
 * (its cases are already all in their queue; the figures add nothing they
 * could not count), and no corruption figures at all.
 */
export interface ReportScope {
  kinds: CaseKind[];
  countKinds: CaseKind[];
  departmentId: string | null;
}

export function reportScopeOf(user: Pick<StaffUser, 'role' | 'departmentId'>): ReportScope | null {
  switch (user.role) {
    case 'center':
    case 'executive':
      return { kinds: ['general'], countKinds: ['general', 'corruption'], departmentId: null };
    case 'integrity':
      return { kinds: ['corruption'], countKinds: ['general', 'corruption'], departmentId: null };
    case 'head':
    case 'officer':
      return user.departmentId ? { kinds: ['general'], countKinds: ['general'], departmentId: user.departmentId } : null;
    case 'admin':
      return null;
  }
}

export interface SummaryRequest {
  fiscalYear: number;
  period: Period;
  filter: CellFilter;
}

type Names = Map<string, { th: string; en: string }>;

/** Names change seldom; labels are kept this long. */
const NAMES_TTL_MS = 60_000;
/** Summaries kept per process, each valid only while the figures' version is unchanged. */
const CACHED_SUMMARIES = 200;

@Injectable()
export class SummaryService {
  private cachedNames?: { at: number; names: Promise<Names> };
  private namesGeneration = 0;
  private readonly summaries = new Map<string, { version: string; summary: Omit<SummaryDto, 'asOf'> }>();

  constructor(
    private readonly repo: SummaryRepository,
    private readonly clock: Clock,
  ) {}

  /** The caller's query checked against their scope: what they may not see answers 403, a department not theirs 404. */
  async resolve(user: StaffUser, q: SummaryQueryDto): Promise<SummaryRequest> {
    const scope = reportScopeOf(user);
    if (!scope) throw new DomainError(ErrorCode.Forbidden, 'Your role reads no statistics');
    const kind = q.kind ?? scope.kinds[0];
    if (!scope.kinds.includes(kind)) {
      throw new DomainError(ErrorCode.Forbidden, `Figures of ${kind} cases are shown to you only as counts in byKind`);
    }
    let departmentId = q.departmentId ?? scope.departmentId;
    if (scope.departmentId && departmentId !== scope.departmentId) throw DomainError.notFound('Department');
    if (departmentId && !scope.departmentId && !(await this.repo.departmentExists(departmentId))) {
      throw DomainError.notFound('Department');
    }
    departmentId = departmentId ?? null;
    const fiscalYear = q.fiscalYear ?? fiscalYearOf(this.clock.now());
    return {
      fiscalYear,
      period: q.period ?? 'month',
      filter: { fiscalYear, kind, countKinds: scope.countKinds, departmentId, channel: q.channel ?? null },
    };
  }

  /** Names of departments and categories by id. */
  names(): Promise<Names> {
    const now = Date.now();
    if (!this.cachedNames || now - this.cachedNames.at > NAMES_TTL_MS) {
      const names = this.repo.names().then((rows) => new Map(rows.map((n) => [n.id, { th: n.nameTh, en: n.nameEn }])));
      this.cachedNames = { at: now, names };
      this.namesGeneration++;
      names.catch(() => (this.cachedNames = undefined));
    }
    return this.cachedNames.names;
  }

  /**
   * Exact as of the request. The figures' version is read first: a summary
   * computed after reading version v is at least as new as v, so while the
   * version stays v (no change committed since) it is still exact and is
   * served again; any committed change to a case makes the next read count.
   */
  async summary(req: SummaryRequest): Promise<SummaryDto> {
    const asOf = this.clock.now().toISOString();
    const version = await this.repo.version();
    await this.names();
    const key = JSON.stringify([req.fiscalYear, req.period, req.filter, this.namesGeneration]);
    const hit = this.summaries.get(key);
    if (hit && hit.version === version) return { ...hit.summary, asOf };
    const summary = await this.compute(req);
    this.summaries.delete(key);
    this.summaries.set(key, { version, summary });
    if (this.summaries.size > CACHED_SUMMARIES) this.summaries.delete(this.summaries.keys().next().value as string);
    return { ...summary, asOf };
  }

  private async compute(req: SummaryRequest): Promise<Omit<SummaryDto, 'asOf'>> {
    const { fiscalYear, period, filter } = req;
    const [cells, days, names] = await Promise.all([
      this.repo.cells(filter, period),
      this.repo.resolveDays(filter, period),
      this.names(),
    ]);
    const spans = periodSpans(fiscalYear, period);
    const rows = spans.map((span) =>
      rowOf(
        span,
        cells.filter((c) => c.part === span.part),
        histogram(days.filter((d) => d.part === span.part)),
        filter.kind,
        names,
      ),
    );
    const [year] = periodSpans(fiscalYear, 'year');
    const totals = rowOf(year, mergeParts(cells), histogram(days), filter.kind, names);
    return {
      fiscalYear,
      period,
      kind: filter.kind,
      departmentId: filter.departmentId,
      channel: (filter.channel as Channel | null) ?? null,
      rows,
      totals,
    };
  }
}

function histogram(days: Array<{ days: number; n: number }>): Map<number, number> {
  const h = new Map<number, number>();
  for (const d of days) h.set(d.days, (h.get(d.days) ?? 0) + d.n);
  return h;
}

/** The whole year's cells: each section's key summed over its periods. */
function mergeParts(cells: CellSums[]): CellSums[] {
  const byKey = new Map<string, CellSums>();
  for (const c of cells) {
    const id = `${c.section}\u0000${c.key}`;
    const seen = byKey.get(id);
    byKey.set(id, seen ? { ...seen, ...addSums(seen, c) } : { ...c, part: 1 });
  }
  return [...byKey.values()];
}

function sumsOf(c: CellSums): Sums {
  const { section: _s, key: _k, part: _p, ...sums } = c;
  return sums;
}

function labelOf(section: Section, key: string, names: Names): { key: string | null; th: string; en: string } {
  switch (section) {
    case 'kind':
      return { key, ...KIND_LABELS[key as CaseKind] };
    case 'channel':
      return { key, ...CHANNEL_LABELS[key as Channel] };
    case 'department':
    case 'category': {
      if (key === NO_ID) return { key: null, ...(section === 'department' ? NO_DEPARTMENT : NO_CATEGORY) };
      return { key, ...(names.get(key) ?? { th: key, en: key }) };
    }
    default:
      return { key, th: key, en: key };
  }
}

function breakdown(cells: CellSums[], section: Section, names: Names): BreakdownEntryDto[] {
  return cells
    .filter((c) => c.section === section && c.received > 0)
    .map((c) => {
      const l = labelOf(section, c.key as string, names);
      return {
        key: l.key,
        label: l.th,
        labelEn: l.en,
        received: c.received,
        resolved: c.resolved,
        resolvedWithinDeadline: c.resolvedWithin,
        open: c.open,
        overdue: c.overdue,
      };
    })
    .sort((a, b) => b.received - a.received || a.label.localeCompare(b.label, 'th'));
}

function rowOf(span: PeriodSpan, cells: CellSums[], days: Map<number, number>, kind: CaseKind, names: Names): SummaryRowDto {
  const main = cells.find((c) => c.section === 'kind' && c.key === kind);
  return {
    label: span.label,
    labelEn: span.labelEn,
    from: span.from,
    to: span.to,
    ...figuresOf(main ? sumsOf(main) : ZERO, days),
    byKind: breakdown(cells, 'kind', names),
    byChannel: breakdown(cells, 'channel', names),
    byDepartment: breakdown(cells, 'department', names),
    byCategory: breakdown(cells, 'category', names),
  };
}
