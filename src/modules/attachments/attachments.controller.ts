import { Controller, Get, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Staff } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { ROLES } from '../users/user.entity';
import { AttachmentsService } from './attachments.service';
import { ACCEPTED_TYPES } from './content-type';
import { AttachmentListDto, FILES_BODY_SCHEMA, toAttachmentDto } from './dto/attachment.dto';
import { contentDisposition } from './file-name';
import { readUpload } from './multipart-upload';

/**
 * Executives see cases without the complainant's contact details, and a
 * complainant's files are theirs too (photos of faces, houses, ID cards):
 * executives may see that files exist, not open them. Administrators keep
 * the route, and its 404, since they see no case at all.
 */
const MAY_DOWNLOAD = ROLES.filter((role) => role !== 'executive');

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
    const { attachment, content } = await this.attachments.openForStaff(user, id, attachmentId);
    // Personal data: no shared cache keeps it, and no browser second-guesses its type.
    reply.header('Cache-Control', 'private, no-store').header('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(content, {
      type: attachment.mediaType,
      disposition: contentDisposition(attachment.fileName),
      length: attachment.sizeBytes,
    });
  }
}
