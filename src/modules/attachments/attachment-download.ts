import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import type { StoredAttachment } from './attachments.repository';
import { contentDisposition } from './file-name';
import { ROLES } from '../users/user.entity';

/**
 * Executives see cases without the complainant's contact details, and a
 * complainant's files are theirs too (photos of faces, houses, ID cards):
 * executives may see that files exist, not open them. Administrators keep
 * the route, and its 404, since they see no case at all.
 */
export const MAY_DOWNLOAD = ROLES.filter((role) => role !== 'executive');

/** A stored file as the answer to a download, for the API and the staff console alike. */
export function downloadOf(reply: FastifyReply, opened: { attachment: StoredAttachment; content: Readable }): StreamableFile {
  // Personal data: no shared cache keeps it, and no browser second-guesses its type.
  reply.header('Cache-Control', 'private, no-store').header('X-Content-Type-Options', 'nosniff');
  return new StreamableFile(opened.content, {
    type: opened.attachment.mediaType,
    disposition: contentDisposition(opened.attachment.fileName),
    length: opened.attachment.sizeBytes,
  });
}
