import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { PublicRateLimit } from '../../common/http/public-rate-limit.decorator';
import { CaseTrackingService } from '../cases';
import { FileComplaintDto, FiledComplaintDto, PublicCaseDto } from './dto/file-complaint.dto';
import { IntakeService } from './intake.service';

@ApiTags('public')
@ApiTooManyRequestsResponse({ description: 'Rate limit reached; see Retry-After' })
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
  @ApiBadRequestResponse({ description: 'A field is wrong; `details` names each one' })
  async file(@Body() dto: FileComplaintDto): Promise<FiledComplaintDto> {
    const { trackingCode, referenceNo, status, receivedAt, dueAt } = await this.intake.fileComplaint(dto, 'th');
    return { trackingCode, referenceNo, status, receivedAt, dueAt };
  }

  @Get('track/:trackingCode')
  @PublicRateLimit('tracking')
  @ApiOkResponse({ type: PublicCaseDto })
  @ApiBadRequestResponse({ description: 'The check character does not match: a typo' })
  @ApiNotFoundResponse()
  track(@Param('trackingCode') trackingCode: string): Promise<PublicCaseDto> {
    return this.tracking.track(trackingCode);
  }
}
