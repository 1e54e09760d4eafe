import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../common/errors/domain-error';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { CurrentUser, Staff } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { CaseAccessService } from '../cases';
import { WhistleblowerRepository } from './whistleblower.repository';

class AccusedViewDto {
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: String }) position!: string | null;
  @ApiProperty({ nullable: true, type: String }) department!: string | null;
}

export class ReportDetailsDto {
  @ApiProperty({ type: AccusedViewDto }) accused!: AccusedViewDto;
  @ApiProperty({ nullable: true, type: String, example: '2026-10-01' }) incidentDate!: string | null;
}

/**
 * The fields of an online report that the case itself has no place for. The
 * messages with the whistleblower are on the case's timeline
 * (GET /api/v1/cases/:id): `whistleblower_message` lines (actor null) and
 * the officer's `message` lines, both internal.
 */
@ApiTags('whistleblower')
@Controller('api/v1/cases/:id/whistleblower-report')
export class ReportDetailsController {
  constructor(
    private readonly access: CaseAccessService,
    private readonly reports: WhistleblowerRepository,
  ) {}

  @Get()
  @Staff('integrity')
  @ApiOperation({ summary: 'The accused and the date of an online whistleblower report' })
  @ApiOkResponse({ type: ReportDetailsDto })
  @ApiErrors({ 404: 'No corruption case with this id, or it was not filed online' })
  async get(@CurrentUser() user: StaffUser, @Param('id') caseId: string): Promise<ReportDetailsDto> {
    const c = await this.access.findVisible(user, caseId);
    const row = await this.reports.details(c.id);
    if (!row) throw DomainError.notFound('Online report');
    return {
      accused: { name: row.accusedName, position: row.accusedPosition, department: row.accusedDepartment },
      incidentDate: row.incidentDate,
    };
  }
}
