import type { MultipartFile } from '@fastify/multipart';
import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { DomainError } from '../../common/errors/domain-error';
import { FILES_FIELD, ReceivedFile, ReceivedUpload } from './attachment-rules';

const EMPTY = Buffer.alloc(0);

/**
 * Reads a multipart body at the edge: the text fields asked for and every
 * file of the `files` field, in memory (at most 5 × 10 MB, the limits set
 * where the plugin is registered). Size and count problems are recorded,
 * not thrown, and the body is read to its end, so that a web form can be
 * shown again with every typed field and the error beside the file field.
 */
export async function readUpload(request: FastifyRequest, textFields: readonly string[] = []): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw DomainError.validation([
      { field: FILES_FIELD, code: 'multipart', message: `Send the files as multipart/form-data in the field "${FILES_FIELD}"` },
    ]);
  }
  const upload: ReceivedUpload = { fields: {}, truncatedFields: [], files: [], tooManyFiles: false, unexpectedFields: [] };
  try {
    for await (const part of request.parts({ throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0])) {
      if (part.type === 'file') {
        const file = await receiveFile(part);
        if (part.fieldname !== FILES_FIELD) upload.unexpectedFields.push(part.fieldname);
        // A form whose file input was left empty still sends one nameless, empty part.
        else if (file.fileName !== '' || file.data.length > 0 || file.tooLarge) upload.files.push(file);
        continue;
      }
      if (part.fieldname === FILES_FIELD) {
        upload.unexpectedFields.push(FILES_FIELD);
      } else if (!textFields.includes(part.fieldname)) {
        upload.unexpectedFields.push(part.fieldname);
      } else if (!(part.fieldname in upload.fields)) {
        upload.fields[part.fieldname] = String(part.value);
        if (part.valueTruncated) upload.truncatedFields.push(part.fieldname);
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') upload.tooManyFiles = true;
    else throw asHttpError(err, code);
  }
  return upload;
}

async function receiveFile(part: MultipartFile): Promise<ReceivedFile> {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file as Readable) chunks.push(chunk as Buffer);
  // Past the size limit busboy stops passing data on and marks the stream.
  const tooLarge = part.file.truncated;
  return {
    fileName: part.filename ?? '',
    declaredType: part.mimetype,
    data: tooLarge ? EMPTY : Buffer.concat(chunks),
    tooLarge,
  };
}

function asHttpError(err: unknown, code: string | undefined): Error {
  switch (code) {
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new HttpException('The form has more parts than it may have', HttpStatus.PAYLOAD_TOO_LARGE);
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
    case 'FST_MP_PREMATURE_CLOSE':
      return new HttpException((err as Error).message, HttpStatus.BAD_REQUEST);
    default:
      // busboy's own complaints (no boundary, a cut-off body) are the client's malformed request.
      return err instanceof Error && !(err instanceof HttpException) && !(err instanceof DomainError)
        ? new HttpException(`The multipart body could not be read: ${err.message}`, HttpStatus.BAD_REQUEST)
        : (err as Error);
  }
}
