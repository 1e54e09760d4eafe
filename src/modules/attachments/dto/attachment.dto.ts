import { ApiProperty } from '@nestjs/swagger';
import { MAX_FILE_BYTES, MAX_FILES_PER_REQUEST } from '../attachment-rules';
import type { AttachmentView } from '../attachments.repository';

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ถนนชำรุด.jpg', description: 'The uploaded name, cleaned, its extension matching the detected type' })
  fileName!: string;
  @ApiProperty({ example: 'image/jpeg', description: 'Detected from the content, not from the name or the declared type' })
  mediaType!: string;
  @ApiProperty({ example: 183_204 }) sizeBytes!: number;
  @ApiProperty({ example: 'officer', description: 'The staff role of the uploader, or `citizen`' })
  uploaderRole!: string;
  @ApiProperty() createdAt!: Date;
}

export class AttachmentListDto {
  @ApiProperty({ type: [AttachmentDto] }) items!: AttachmentDto[];
}

export class CitizenAttachmentDto {
  @ApiProperty({ example: 'ถนนชำรุด.jpg' }) fileName!: string;
  @ApiProperty({ example: 'image/jpeg' }) mediaType!: string;
  @ApiProperty({ example: 183_204 }) sizeBytes!: number;
  @ApiProperty() createdAt!: Date;
}

export class CitizenAttachmentListDto {
  @ApiProperty({ type: [CitizenAttachmentDto] }) items!: CitizenAttachmentDto[];
}

/** The OpenAPI description of the multipart body both upload endpoints take. */
export const FILES_BODY_SCHEMA = {
  schema: {
    type: 'object',
    required: ['files'],
    properties: {
      files: {
        type: 'array',
        maxItems: MAX_FILES_PER_REQUEST,
        items: { type: 'string', format: 'binary' },
        description: `Up to ${MAX_FILES_PER_REQUEST} files of at most ${MAX_FILE_BYTES} bytes: JPEG, PNG, GIF, WebP, HEIC, PDF, DOCX, XLSX, PPTX, ODT, ODS, DOC, XLS (judged by content)`,
      },
    },
  },
};

/** Explicit mapping: a storage key or checksum never leaves through a forgotten field. */
export function toAttachmentDto(a: AttachmentView): AttachmentDto {
  return {
    id: a.id,
    fileName: a.fileName,
    mediaType: a.mediaType,
    sizeBytes: a.sizeBytes,
    uploaderRole: a.uploaderRole,
    createdAt: a.createdAt,
  };
}

export function toCitizenAttachmentDto(a: AttachmentView): CitizenAttachmentDto {
  return { fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.sizeBytes, createdAt: a.createdAt };
}
