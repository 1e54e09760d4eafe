import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PublicRateLimit } from '../../common/http/public-rate-limit.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { AttachmentsService } from './attachments.service';
import { CitizenAttachmentListDto, FILES_BODY_SCHEMA, toCitizenAttachmentDto } from './dto/attachment.dto';
import { readUpload } from './multipart-upload';

/** A complainant adds files to their own case with the tracking code. */
@ApiTags('public')
@Controller('api/v1/complaints/track/:trackingCode/attachments')
export class CitizenAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @HttpCode(201)
  @PublicRateLimit()
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILES_BODY_SCHEMA)
  @ApiCreatedResponse({ type: CitizenAttachmentListDto })
  @ApiErrors({
    400: 'A typo in the tracking code, or a file refused; `details` names the field',
    404: 'No complaint has this tracking code',
    409: 'The complaint is settled, or already has 5 files from the complainant',
    413: 'A file is over 10 MB, or the form has too many parts',
  })
  async upload(@Param('trackingCode') trackingCode: string, @Req() request: FastifyRequest): Promise<CitizenAttachmentListDto> {
    const added = await this.attachments.uploadByCitizen(trackingCode, (staging) => readUpload(request, staging));
    return { items: added.map(toCitizenAttachmentDto) };
  }
}
