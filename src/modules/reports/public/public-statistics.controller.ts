import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../../common/openapi/api-errors.decorator';
import { PublicRateLimit } from '../../../common/http/public-rate-limit.decorator';
import { FiscalYearQueryDto } from '../dto/summary.dto';
import { PublicStatisticsDto } from '../dto/public-statistics.dto';
import { PublicStatisticsService } from './public-statistics.service';

@ApiTags('public')
@Controller('api/v1/public')
export class PublicStatisticsController {
  constructor(private readonly statistics: PublicStatisticsService) {}

  @Get('statistics')
  @PublicRateLimit()
  @ApiOperation({
    summary: 'The published complaint statistics (ITA OIT o31): received, completed and in progress, by month of receipt',
    description:
      'Counts only: no personal data, no text of any case. completed = no longer open (resolved, closed, referred, rejected, withdrawn or merged); withinDeadlinePct = completed before the due date out of the cases whose due date has passed or that were completed sooner. Satisfaction: ratings of closed general cases.',
  })
  @ApiOkResponse({ type: PublicStatisticsDto })
  @ApiErrors(400)
  get(@Query() query: FiscalYearQueryDto): Promise<PublicStatisticsDto> {
    return this.statistics.statistics(query.fiscalYear);
  }
}
