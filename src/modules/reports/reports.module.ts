import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { DashboardRepository } from './dashboard/dashboard.repository';
import { DashboardService } from './dashboard/dashboard.service';
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
    DashboardRepository,
    DashboardService,
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
  // The staff console's dashboard reads the figures and the report files through these.
  exports: [DashboardService, ReportsService],
})
export class ReportsModule {}
