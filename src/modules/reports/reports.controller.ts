import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Staff } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { NoteKeyDto, ReportNoteDto, ReportNotesDto, SaveNoteDto } from './dto/notes.dto';
import { RecurrenceDto, RecurrenceQueryDto } from './dto/recurrence.dto';
import { FiscalYearQueryDto, SummaryDto, SummaryQueryDto } from './dto/summary.dto';
import { ReportsService } from './reports.service';

/** Statistics for staff: the executive, the centre, the integrity officer, and heads and officers for their department. */
@ApiTags('reports')
@ApiExtraModels(SummaryDto)
@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @Staff('executive', 'center', 'integrity', 'head', 'officer')
  @ApiOperation({
    summary: 'Monthly, quarterly, half-year or yearly statistics of the cases received in each period, with their state today',
    description:
      'Exact as of the request (kept by triggers in the transaction of every change). Each role sees its own kind in detail (integrity: corruption, others: general); the other kind only as counts in byKind. Heads and officers see their own department. format=csv|xlsx|pdf downloads the same report.',
  })
  @ApiOkResponse({
    description: 'JSON by default; format=csv|xlsx|pdf downloads the same report as a file',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(SummaryDto) } },
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors(400, { 503: 'format=pdf while Chromium is not installed on the server, or a database outage' })
  async summary(
    @CurrentUser() user: StaffUser,
    @Query() query: SummaryQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SummaryDto | Buffer> {
    const result = await this.reports.summary(user, query);
    if (!('body' in result)) return result;
    // Statistics of named departments are internal: nothing caches them on the way.
    reply
      .header('Content-Type', result.contentType)
      .header('Content-Disposition', `attachment; filename="${result.fileName}"`)
      .header('Cache-Control', 'private, no-store');
    return result.body;
  }

  @Get('recurrence')
  @Staff('executive', 'center', 'integrity', 'head', 'officer')
  @ApiOperation({ summary: 'Top categories, locations and departments by volume and by overdue rate; categories rising against the same months of the previous fiscal year' })
  @ApiOkResponse({ type: RecurrenceDto })
  @ApiErrors(400)
  recurrence(@CurrentUser() user: StaffUser, @Query() query: RecurrenceQueryDto): Promise<RecurrenceDto> {
    return this.reports.recurrence(user, query);
  }

  @Get('notes')
  @Staff('executive', 'center', 'integrity', 'head', 'officer')
  @ApiOperation({ summary: 'The centre’s problems, obstacles and solutions for the periods of a fiscal year' })
  @ApiOkResponse({ type: ReportNotesDto })
  @ApiErrors(400)
  notes(@Query() query: FiscalYearQueryDto): Promise<ReportNotesDto> {
    return this.reports.notes(query.fiscalYear);
  }

  @Put('notes/:fiscalYear/:period/:part')
  @Staff('center')
  @ApiOperation({ summary: 'Write the problems, obstacles and solutions of one period (they appear in the PDF report)' })
  @ApiOkResponse({ type: ReportNoteDto })
  saveNote(@CurrentUser() user: StaffUser, @Param() key: NoteKeyDto, @Body() dto: SaveNoteDto): Promise<ReportNoteDto> {
    return this.reports.saveNote(user, key, dto);
  }
}
