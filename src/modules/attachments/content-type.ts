import { fromBuffer } from 'file-type';
import type { ByteSource } from './byte-source';
import { compoundFileKind, isCompoundFile } from './compound-file';

export interface AcceptedType {
  mediaType: string;
  /** Extensions people know this type by; the first is used when a name has none of them. */
  extensions: readonly string[];
}

/**
 * What may be attached, by the media type the bytes reveal. Text formats
 * (HTML, SVG, XML, scripts) have no magic number and are never accepted:
 * a browser could run them.
 */
export const ACCEPTED_TYPES: readonly AcceptedType[] = [
  { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  { mediaType: 'image/png', extensions: ['png'] },
  { mediaType: 'image/gif', extensions: ['gif'] },
  { mediaType: 'image/webp', extensions: ['webp'] },
  { mediaType: 'image/heic', extensions: ['heic'] },
  { mediaType: 'image/heif', extensions: ['heif', 'heic'] },
  { mediaType: 'application/pdf', extensions: ['pdf'] },
  { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
  { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  { mediaType: 'application/msword', extensions: ['doc'] },
  { mediaType: 'application/vnd.ms-excel', extensions: ['xls'] },
];

const BY_MEDIA_TYPE = new Map(ACCEPTED_TYPES.map((t) => [t.mediaType, t]));

/** For the form's `accept` attribute: a hint to the file picker, never a check. */
export const ACCEPT_ATTRIBUTE = [
  ...new Set(ACCEPTED_TYPES.flatMap((t) => t.extensions.map((e) => `.${e}`))),
  ...ACCEPTED_TYPES.map((t) => t.mediaType),
].join(',');

/**
 * Sniffing looks at the first bytes, and for ZIP-based documents at the
 * entry names near the start (Office and LibreOffice write the part that
 * names the kind within the first few entries). This much of each upload
 * is kept in memory while the rest streams to storage. The bound also
 * keeps a crafted file, a PNG header followed by megabytes of empty chunks
 * that file-type walks one by one, from holding a worker for seconds.
 */
export const SNIFF_BYTES = 256 * 1024;

const latin1 = (b: Buffer, from: number, to: number) => b.toString('latin1', from, to);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The leading bytes of every family we accept. Anything else is refused
 * before file-type sees it: its parsers for formats we never accept are
 * code we do not need to trust (16.5.4 loops forever on a 200-byte crafted
 * ASF header, CVE-2026-31808, fixed only in the ESM-only line).
 */
function hasAcceptedSignature(b: Buffer): boolean {
  return (
    (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) || // JPEG
    b.subarray(0, 8).equals(PNG_SIGNATURE) ||
    latin1(b, 0, 4) === 'GIF8' ||
    (latin1(b, 0, 4) === 'RIFF' && latin1(b, 8, 12) === 'WEBP') ||
    latin1(b, 4, 8) === 'ftyp' || // ISO-BMFF: HEIC/HEIF, by brand below
    latin1(b, 0, 5) === '%PDF-' ||
    latin1(b, 0, 4) === 'PK\x03\x04' // ZIP: OOXML and OpenDocument, by entries below
  );
}

/**
 * The accepted media type the content reveals, whatever the name or declared
 * type says; null when not accepted. `head` is the start of the file (up to
 * SNIFF_BYTES), `file` the whole of it, read only where a compound file's
 * tables point. This is the parsing of untrusted bytes: the server runs it
 * in a worker thread (inspection/), never on its event loop.
 */
export async function detectMediaType(head: Buffer, file: ByteSource): Promise<string | null> {
  if (isCompoundFile(head)) {
    const kind = await compoundFileKind(file);
    return kind === 'doc' ? 'application/msword' : kind === 'xls' ? 'application/vnd.ms-excel' : null;
  }
  if (!hasAcceptedSignature(head)) return null;
  // A file cut short inside its own structure makes file-type throw: not a file we can vouch for.
  const found = await fromBuffer(head.subarray(0, SNIFF_BYTES)).catch(() => undefined);
  return found && BY_MEDIA_TYPE.has(found.mime) ? found.mime : null;
}

export function acceptedType(mediaType: string): AcceptedType | null {
  return BY_MEDIA_TYPE.get(mediaType) ?? null;
}
