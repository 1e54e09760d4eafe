import { Injectable } from '@nestjs/common';
import type { StaffUser } from '../auth/staff-user';
import type { NoteKeyDto, ReportNoteDto, ReportNotesDto, SaveNoteDto } from './dto/notes.dto';
import type { RecurrenceQueryDto } from './dto/recurrence.dto';
import type { SummaryDto, SummaryQueryDto } from './dto/summary.dto';
import { ExportedFile, ReportExportsService } from './exports/report-exports.service';
import { ReportNotesService } from './notes/report-notes.service';
import { Recurrence, RecurrenceService } from './recurrence/recurrence.service';
import { SummaryService } from './summary/summary.service';
import { fiscalYearOf } from '../../common/time/thai-calendar';
import { Clock } from '../../common/time/clock';

/** The staff reports' one entry: every request is checked against the caller's scope first. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly summaries: SummaryService,
    private readonly exports: ReportExportsService,
    private readonly recurrences: RecurrenceService,
    private readonly notesService: ReportNotesService,
    private readonly clock: Clock,
  ) {}

  async summary(user: StaffUser, query: SummaryQueryDto): Promise<SummaryDto | ExportedFile> {
    const req = await this.summaries.resolve(user, query);
    switch (query.format ?? 'json') {
      case 'json':
        return this.summaries.summary(req);
      case 'csv':
        return this.exports.csv(req);
      case 'xlsx':
        return this.exports.xlsx(req);
      case 'pdf':
        return this.exports.pdf(req, query.part);
    }
  }

  async recurrence(user: StaffUser, query: RecurrenceQueryDto): Promise<Recurrence> {
    const { fiscalYear, filter } = await this.summaries.resolve(user, { fiscalYear: query.fiscalYear, kind: query.kind, departmentId: query.departmentId });
    return this.recurrences.recurrence({ fiscalYear, kind: filter.kind, departmentId: filter.departmentId, limit: query.limit ?? 10 });
  }

  async notes(fiscalYear?: number): Promise<ReportNotesDto> {
    return { items: await this.notesService.list(fiscalYear ?? fiscalYearOf(this.clock.now())) };
  }

  saveNote(user: StaffUser, key: NoteKeyDto, dto: SaveNoteDto): Promise<ReportNoteDto> {
    return this.notesService.save(user, key, dto);
  }
}
