import { Controller, Get, Header, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../common/errors/domain-error';
import { localeFrom } from '../../views/page-context';
import { dashboardPage, REPORT_FORMATS, ReportFormat } from '../../views/staff/dashboard.page';
import type { StaffRequest } from '../auth/staff-auth.guard';
import { CurrentUser } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { DashboardService } from '../reports/dashboard/dashboard.service';
import { ReportsService } from '../reports/reports.service';
import { StaffPage } from '../staff-console/session/staff-page.decorator';
import { AdminPageKit, HTML } from './admin-page-kit';

/** Where an executive lands: the month and the year so far, charts into the queue, the report files. */
@ApiExcludeController()
@Controller('staff/dashboard')
// The executive's page; the other roles that read statistics have the reports API and the public figures.
@StaffPage('executive')
export class DashboardPageController {
  constructor(
    private readonly kit: AdminPageKit,
    private readonly dashboards: DashboardService,
    private readonly reports: ReportsService,
  ) {}

  @Get()
  @Header('Content-Type', HTML)
  async dashboard(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Query('lang') lang?: string): Promise<string> {
    const page = await this.kit.page(req, reply, '/staff/dashboard', localeFrom(lang));
    return page.render(dashboardPage(page.form.locale, await this.dashboards.dashboard(me)));
  }

  /** The same files as the API's summary (format=csv|xlsx|pdf), on the console's session. */
  @Get('report')
  async report(@Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Query('format') format?: string): Promise<Buffer> {
    if (!REPORT_FORMATS.includes(format as ReportFormat)) throw DomainError.field('format', 'isIn', `format must be one of ${REPORT_FORMATS.join(', ')}`);
    const file = await this.reports.summary(me, { format: format as ReportFormat });
    if (!('body' in file)) throw new Error('a report file was asked for');
    reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
      .header('Cache-Control', 'private, no-store');
    return file.body;
  }
}
