import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { PublicRateLimit } from '../../common/http/public-rate-limit.decorator';
import { CaseTrackingService } from '../cases';
import { FileComplaintDto, FiledComplaintDto, PublicCaseDto } from './dto/file-complaint.dto';
import { IntakeService } from './intake.service';

@ApiTags('public')
@Controller('api/v1/complaints')
export class ComplaintsController {
  constructor(
    private readonly intake: IntakeService,
    private readonly tracking: CaseTrackingService,
  ) {}

  @Post()
  @HttpCode(201)
  @PublicRateLimit()
  @ApiCreatedResponse({ type: FiledComplaintDto })
  @ApiErrors(400)
  async file(@Body() dto: FileComplaintDto): Promise<FiledComplaintDto> {
    const { trackingCode, referenceNo, status, receivedAt, dueAt } = await this.intake.fileComplaint(dto, 'th');
    return { trackingCode, referenceNo, status, receivedAt, dueAt };
  }

  @Get('track/:trackingCode')
  @PublicRateLimit('tracking')
  @ApiOkResponse({ type: PublicCaseDto })
  @ApiErrors({ 400: 'The check character does not match: a typo', 404: 'No complaint has this tracking code' })
  track(@Param('trackingCode') trackingCode: string): Promise<PublicCaseDto> {
    return this.tracking.track(trackingCode);
  }
}
