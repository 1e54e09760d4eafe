import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { SettingsService } from '../../settings/settings.service';
import type { SummaryDto } from '../dto/summary.dto';
import { ReportNotesRepository } from '../notes/report-notes.repository';
import { KIND_LABELS } from '../report-labels';
import { PERIOD_MONTHS, periodSpans } from '../report-periods';
import { executiveReportHtml } from '../pdf/executive-report.html';
import { PdfRenderer } from '../pdf/pdf-renderer';
import { SummaryRequest, SummaryService } from '../summary/summary.service';
import { summaryCsv } from './summary-csv';
import { summaryXlsx } from './summary-xlsx';

export interface ExportedFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/** The summary as a file: CSV and XLSX for officers, PDF for the executive meeting. */
@Injectable()
export class ReportExportsService {
  constructor(
    private readonly summaries: SummaryService,
    private readonly notes: ReportNotesRepository,
    private readonly settings: SettingsService,
    private readonly renderer: PdfRenderer,
  ) {}

  private baseName(s: SummaryDto, part?: number): string {
    return `rongrian-${s.kind}-${s.fiscalYear}-${s.period}${part ? `-${part}` : ''}${s.departmentId ? '-department' : ''}${s.channel ? `-${s.channel}` : ''}`;
  }

  async csv(req: SummaryRequest): Promise<ExportedFile> {
    const s = await this.summaries.summary(req);
    return { body: Buffer.from(summaryCsv(s), 'utf8'), contentType: 'text/csv; charset=utf-8', fileName: `${this.baseName(s)}.csv` };
  }

  async xlsx(req: SummaryRequest): Promise<ExportedFile> {
    const s = await this.summaries.summary(req);
    const title = `สรุปผลการดำเนินการ${KIND_LABELS[s.kind].th} ปีงบประมาณ ${s.fiscalYear}`;
    return {
      body: await summaryXlsx(s, title),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `${this.baseName(s)}.xlsx`,
    };
  }

  /** The whole fiscal year, or one period of it (`part`), with the centre's notes for what it covers. */
  async pdf(req: SummaryRequest, part?: number): Promise<ExportedFile> {
    const spans = periodSpans(req.fiscalYear, req.period);
    if (part !== undefined && part > spans.length) {
      throw DomainError.field('part', 'max', `A fiscal year has ${spans.length} periods of a ${req.period}`);
    }
    const [summary, monthly, notes, organisation, names] = await Promise.all([
      this.summaries.summary(req),
      this.summaries.summary({ ...req, period: 'month' }),
      this.notes.findByYear(req.fiscalYear),
      this.settings.get('organisation'),
      this.summaries.names(),
    ]);
    const size = PERIOD_MONTHS[req.period];
    const monthRange = part ? [(part - 1) * size, part * size] : [0, 12];
    const covered = part ? [summary.rows[part - 1]] : summary.rows;
    const coveredSpans = part ? [spans[part - 1]] : spans;
    const yearNotes = notes
      .filter((n) => (n.period === req.period && coveredSpans.some((s) => s.part === n.part)) || (!part && n.period === 'year'))
      .filter((n) => n.problems || n.obstacles || n.solutions)
      .map((note) => ({ label: periodSpans(req.fiscalYear, note.period)[note.part - 1].label, note }));
    const html = executiveReportHtml({
      organisation: organisation.nameTh,
      periodLabel: part ? spans[part - 1].label : `ปีงบประมาณ ${req.fiscalYear}`,
      figures: part ? summary.rows[part - 1] : summary.totals,
      months: monthly.rows.slice(monthRange[0], monthRange[1]),
      rows: covered,
      summary,
      departmentName: summary.departmentId ? (names.get(summary.departmentId)?.th ?? null) : null,
      notes: yearNotes,
    });
    return {
      body: await this.renderer.render(html),
      contentType: 'application/pdf',
      fileName: `${this.baseName(summary, part)}.pdf`,
    };
  }
}
