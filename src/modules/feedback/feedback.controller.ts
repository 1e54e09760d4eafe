import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { PublicRateLimit } from '../../common/http/public-rate-limit.decorator';
import { FeedbackDto, FeedbackGivenDto } from './dto/feedback.dto';
import { FeedbackService } from './feedback.service';

@ApiTags('public')
@ApiTooManyRequestsResponse({ description: 'Rate limit reached; see Retry-After' })
@Controller('api/v1/complaints')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post('track/:trackingCode/feedback')
  @HttpCode(201)
  @PublicRateLimit()
  @ApiOperation({ summary: 'Rate the handling of a closed complaint, 1 to 5, once' })
  @ApiCreatedResponse({ type: FeedbackGivenDto })
  @ApiBadRequestResponse({ description: 'rating not 1–5, comment too long, or a mistyped tracking code' })
  @ApiNotFoundResponse({ description: 'No complaint with this tracking code' })
  @ApiConflictResponse({ description: 'Not closed yet, or already rated' })
  rate(@Param('trackingCode') trackingCode: string, @Body() dto: FeedbackDto): Promise<FeedbackGivenDto> {
    return this.feedback.rate(trackingCode, dto);
  }
}
