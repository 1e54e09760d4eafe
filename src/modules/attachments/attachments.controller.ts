import { Controller, Get, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Staff } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { AttachmentsService } from './attachments.service';
import { ACCEPTED_TYPES } from './content-type';
import { AttachmentListDto, FILES_BODY_SCHEMA, toAttachmentDto } from './dto/attachment.dto';
import { downloadOf, MAY_DOWNLOAD } from './attachment-download';
import { readUpload } from './multipart-upload';

/** Files on a case, for the staff who may see the case; everything else is the same 404. */
@ApiTags('cases')
@ApiErrors({ 404: 'No such case (or attachment) within the caller’s scope' })
@Controller('api/v1/cases/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @HttpCode(201)
  @Staff('center', 'officer', 'head', 'integrity')
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILES_BODY_SCHEMA)
  @ApiCreatedResponse({ type: AttachmentListDto })
  @ApiErrors({
    400: 'A file of a type not accepted, empty, or more than 5 files; `details` names the field',
    413: 'A file is over 10 MB, or the form has too many parts',
  })
  async upload(
    @CurrentUser() user: StaffUser,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<AttachmentListDto> {
    const added = await this.attachments.uploadByStaff(user, id, (staging) => readUpload(request, staging));
    return { items: added.map(toAttachmentDto) };
  }

  @Get()
  @Staff()
  @ApiOkResponse({ type: AttachmentListDto })
  async list(@CurrentUser() user: StaffUser, @Param('id') id: string): Promise<AttachmentListDto> {
    return { items: (await this.attachments.listForStaff(user, id)).map(toAttachmentDto) };
  }

  @Get(':attachmentId')
  @Staff(...MAY_DOWNLOAD)
  @ApiOkResponse({
    description: 'The file, as an attachment, with the type detected at upload',
    content: Object.fromEntries(ACCEPTED_TYPES.map((t) => [t.mediaType, { schema: { type: 'string', format: 'binary' } }])),
  })
  async download(
    @CurrentUser() user: StaffUser,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return downloadOf(reply, await this.attachments.openForStaff(user, id, attachmentId));
  }
}
