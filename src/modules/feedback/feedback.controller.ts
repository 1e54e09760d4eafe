import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { PublicRateLimit } from '../../common/http/public-rate-limit.decorator';
import { FeedbackDto, FeedbackGivenDto } from './dto/feedback.dto';
import { FeedbackService } from './feedback.service';

@ApiTags('public')
@Controller('api/v1/complaints')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post('track/:trackingCode/feedback')
  @HttpCode(201)
  @PublicRateLimit()
  @ApiOperation({ summary: 'Rate the handling of a closed complaint, 1 to 5, once' })
  @ApiCreatedResponse({ type: FeedbackGivenDto })
  @ApiErrors({
    400: 'rating not 1–5, comment too long, or a mistyped tracking code',
    404: 'No complaint with this tracking code',
    409: 'Not closed yet, or already rated',
  })
  rate(@Param('trackingCode') trackingCode: string, @Body() dto: FeedbackDto): Promise<FeedbackGivenDto> {
    return this.feedback.rate(trackingCode, dto);
  }
}
