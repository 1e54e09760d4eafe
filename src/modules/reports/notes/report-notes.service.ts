import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { Clock } from '../../../common/time/clock';
import type { StaffUser } from '../../auth/staff-user';
import type { NoteKeyDto, SaveNoteDto } from '../dto/notes.dto';
import { partsOf } from '../report-periods';
import { ReportNote, ReportNotesRepository } from './report-notes.repository';

/** The per-period text the centre writes for the summary report: problems, obstacles and solutions. */
@Injectable()
export class ReportNotesService {
  constructor(
    private readonly notes: ReportNotesRepository,
    private readonly clock: Clock,
  ) {}

  list(fiscalYear: number): Promise<ReportNote[]> {
    return this.notes.findByYear(fiscalYear);
  }

  save(user: StaffUser, key: NoteKeyDto, dto: SaveNoteDto): Promise<ReportNote> {
    if (key.part > partsOf(key.period)) {
      throw DomainError.field('part', 'max', `A fiscal year has ${partsOf(key.period)} periods of a ${key.period}`);
    }
    return this.notes.save(
      {
        ...key,
        problems: dto.problems?.trim() ?? '',
        obstacles: dto.obstacles?.trim() ?? '',
        solutions: dto.solutions?.trim() ?? '',
        updatedBy: user.id,
      },
      this.clock.now(),
    );
  }
}
