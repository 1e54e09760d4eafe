import type { AcceptedType } from './content-type';

const MAX_NAME_CHARS = 255;
const FALLBACK_BASE = 'attachment';

/**
 * The name a file is offered under when downloaded; never a storage path.
 * Drops any directory part, control and bidirectional-override characters
 * (which can disguise `exe.pdf` as `fdp.exe`), characters Windows refuses,
 * and leading dots; then makes the extension agree with the detected type,
 * so that a PNG sent as `scan.pdf` comes back as `scan.png` and opens.
 */
export function downloadFileName(original: string | undefined, type: AcceptedType): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  // A wrong extension is replaced; digits after a dot (`ใบเสร็จ 12.2568`) are part of the name.
  const replaceable = /^[a-z][a-z0-9]{0,4}$/.test(ext);
  const stem = (replaceable ? cleaned.slice(0, dot) : cleaned) || FALLBACK_BASE;
  const finalExt = type.extensions.includes(ext) ? ext : type.extensions[0];
  const room = MAX_NAME_CHARS - finalExt.length - 1;
  return `${truncateChars(stem, room)}.${finalExt}`;
}

/** By code points, so that a Thai name is never cut inside a surrogate pair. */
function truncateChars(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('').trimEnd();
}

/**
 * `attachment` with an ASCII fallback name and the real one in RFC 5987
 * form, so that Thai names survive and nothing in the header can be
 * mistaken for another parameter.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
