import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { ReportExportsService } from './exports/report-exports.service';
import { ReportNotesRepository } from './notes/report-notes.repository';
import { ReportNotesService } from './notes/report-notes.service';
import { PdfRenderer } from './pdf/pdf-renderer';
import { PublicStatisticsController } from './public/public-statistics.controller';
import { PublicStatisticsRepository } from './public/public-statistics.repository';
import { PublicStatisticsService } from './public/public-statistics.service';
import { StatisticsPagesController } from './public/statistics-pages.controller';
import { RecurrenceRepository } from './recurrence/recurrence.repository';
import { RecurrenceService } from './recurrence/recurrence.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { SummaryRepository } from './summary/summary.repository';
import { SummaryService } from './summary/summary.service';

/**
 * Statistics and reports. The figures come from a rollup that triggers keep
 * in the transaction of every change to a case (migration ReportRollups), so
 * this module subscribes to nothing and writes nothing but its notes.
 */
@Module({
  imports: [SettingsModule],
  controllers: [ReportsController, PublicStatisticsController, StatisticsPagesController],
  providers: [
    PdfRenderer,
    PublicStatisticsRepository,
    PublicStatisticsService,
    RecurrenceRepository,
    RecurrenceService,
    ReportExportsService,
    ReportNotesRepository,
    ReportNotesService,
    ReportsService,
    SummaryRepository,
    SummaryService,
  ],
})
export class ReportsModule {}
