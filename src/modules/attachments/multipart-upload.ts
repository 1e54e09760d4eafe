import type { MultipartFile } from '@fastify/multipart';
import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { DomainError } from '../../common/errors/domain-error';
import { isForbiddenFieldName } from '../../common/http/json-body';
import { FILES_FIELD, ReceivedFile, ReceivedUpload } from './attachment-rules';
import { StagingFailed, UploadStaging } from './upload-staging';

/**
 * Reads a multipart body at the edge: the text fields asked for and every
 * file of the `files` field, each streamed into storage as it arrives (the
 * limits, 5 × 10 MB, are set where the plugin is registered), so that only
 * the first bytes of each stay in memory. Size and count problems are
 * recorded, not thrown, and the body is read to its end, so that a web form
 * can be shown again with every typed field and the error beside the file
 * field. When reading fails, what was stored is removed before the error
 * goes on; otherwise the caller records or discards the files.
 */
export async function readUpload(
  request: FastifyRequest,
  staging: UploadStaging,
  textFields: readonly string[] = [],
): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw DomainError.validation([
      { field: FILES_FIELD, code: 'multipart', message: `Send the files as multipart/form-data in the field "${FILES_FIELD}"` },
    ]);
  }
  const upload: ReceivedUpload = { fields: {}, truncatedFields: [], files: [], tooManyFiles: false, unexpectedFields: [] };
  try {
    for await (const part of request.parts({ throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0])) {
      if (part.type === 'file') {
        if (part.fieldname !== FILES_FIELD) {
          upload.unexpectedFields.push(part.fieldname);
          await finished((part.file as Readable).resume());
          continue;
        }
        const file = await receiveFile(part, staging);
        // A form whose file input was left empty still sends one nameless, empty part.
        if (file.fileName !== '' || file.stored?.size || file.tooLarge) upload.files.push(file);
        else if (file.stored) await staging.discard([file.stored.storageKey]);
        continue;
      }
      if (isForbiddenFieldName(part.fieldname)) {
        throw DomainError.field('body', 'forbiddenKey', `The form must not have a field named ${part.fieldname}`);
      } else if (part.fieldname === FILES_FIELD) {
        upload.unexpectedFields.push(FILES_FIELD);
      } else if (!textFields.includes(part.fieldname)) {
        upload.unexpectedFields.push(part.fieldname);
      } else if (!(part.fieldname in upload.fields)) {
        const value = String(part.value);
        // busboy puts U+FFFD where the bytes are not UTF-8; our pages are UTF-8, so only a forged body has it.
        if (value.includes('\uFFFD')) throw DomainError.field(part.fieldname, 'invalidUtf8', `The field ${part.fieldname} is not valid UTF-8`);
        upload.fields[part.fieldname] = value;
        if (part.valueTruncated) upload.truncatedFields.push(part.fieldname);
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') {
      upload.tooManyFiles = true;
    } else {
      await staging.discard(upload.files.flatMap((f) => (f.stored ? [f.stored.storageKey] : [])));
      throw asHttpError(err, code);
    }
  }
  return upload;
}

async function receiveFile(part: MultipartFile, staging: UploadStaging): Promise<ReceivedFile> {
  const stored = await staging.stage(part.file as Readable);
  // Past the size limit busboy stops passing data on and marks the stream: what came is of no use.
  const tooLarge = part.file.truncated;
  if (tooLarge) await staging.discard([stored.storageKey]);
  return { fileName: part.filename ?? '', declaredType: part.mimetype, stored: tooLarge ? null : stored, tooLarge };
}

function asHttpError(err: unknown, code: string | undefined): Error {
  if (err instanceof StagingFailed) return err;
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
