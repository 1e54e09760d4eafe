import { crc32 } from './sample-files';

/**
 * The blocks an image file is made of, read from its bytes, so that a test
 * can see what metadata it carries without trusting the library that wrote
 * or stripped it.
 */

/** JPEG marker segments before the image data: 'APP0', 'APP1', 'COM', 'DQT', … */
export function jpegSegments(b: Buffer): string[] {
  const out: string[] = [];
  let at = 2;
  while (at + 4 <= b.length && b[at] === 0xff) {
    const marker = b[at + 1];
    const name = marker >= 0xe0 && marker <= 0xef ? `APP${marker - 0xe0}` : marker === 0xfe ? 'COM' : `FF${marker.toString(16).toUpperCase()}`;
    out.push(name);
    if (marker === 0xda) break; // start of scan: the pixels follow
    at += 2 + b.readUInt16BE(at + 2);
  }
  return out;
}

/** PNG chunk types in order: 'IHDR', 'eXIf', 'iTXt', 'IDAT', … */
export function pngChunks(b: Buffer): string[] {
  const out: string[] = [];
  for (let at = 8; at + 8 <= b.length; ) {
    const length = b.readUInt32BE(at);
    out.push(b.toString('latin1', at + 4, at + 8));
    at += 12 + length;
  }
  return out;
}

/** WebP (RIFF) chunk identifiers in order: 'VP8X', 'EXIF', 'XMP ', 'VP8 ', … */
export function webpChunks(b: Buffer): string[] {
  const out: string[] = [];
  for (let at = 12; at + 8 <= b.length; ) {
    const length = b.readUInt32LE(at + 4);
    out.push(b.toString('latin1', at, at + 4));
    at += 8 + length + (length % 2);
  }
  return out;
}

/** GIF blocks after the header: 'image', 'comment', 'graphics-control', 'application:NETSCAPE2.0', … */
export function gifBlocks(b: Buffer): string[] {
  const out: string[] = [];
  const flags = b[10];
  let at = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  const skipSubBlocks = () => {
    while (at < b.length && b[at] !== 0) at += b[at] + 1;
    at += 1;
  };
  while (at < b.length && b[at] !== 0x3b) {
    if (b[at] === 0x21) {
      const label = b[at + 1];
      if (label === 0xff) out.push(`application:${b.toString('latin1', at + 3, at + 14)}`);
      else out.push(label === 0xfe ? 'comment' : label === 0xf9 ? 'graphics-control' : `extension-${label}`);
      at += 2;
      skipSubBlocks();
    } else if (b[at] === 0x2c) {
      out.push('image');
      const local = b[at + 9];
      at += 10 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0);
      at += 1; // LZW minimum code size
      skipSubBlocks();
    } else {
      throw new Error(`unexpected GIF block 0x${b[at].toString(16)} at ${at}`);
    }
  }
  return out;
}

/** Adds a JPEG comment segment (COM) right after the start-of-image marker. */
export function withJpegComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text, 'latin1');
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, body, jpeg.subarray(2)]);
}

/** Adds a PNG text chunk (tEXt, `keyword\0text`) right after IHDR. */
export function withPngText(png: Buffer, keyword: string, text: string): Buffer {
  const data = Buffer.from(`${keyword}\0${text}`, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  const afterHeader = 8 + 25;
  return Buffer.concat([png.subarray(0, afterHeader), chunk, png.subarray(afterHeader)]);
}

/** Adds a comment extension and an XMP application extension before the first image of a GIF. */
export function withGifMetadata(gif: Buffer, comment: string, xmp: string): Buffer {
  const flags = gif[10];
  const afterGlobalTable = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  const subBlocks = (data: Buffer) => {
    const parts: Buffer[] = [];
    for (let at = 0; at < data.length; at += 255) {
      const piece = data.subarray(at, at + 255);
      parts.push(Buffer.from([piece.length]), piece);
    }
    return Buffer.concat([...parts, Buffer.from([0])]);
  };
  const commentExt = Buffer.concat([Buffer.from([0x21, 0xfe]), subBlocks(Buffer.from(comment, 'latin1'))]);
  const xmpExt = Buffer.concat([
    Buffer.from([0x21, 0xff, 11]),
    Buffer.from('XMP DataXMP', 'latin1'),
    subBlocks(Buffer.from(xmp, 'utf8')),
  ]);
  return Buffer.concat([gif.subarray(0, afterGlobalTable), commentExt, xmpExt, gif.subarray(afterGlobalTable)]);
}

/** The tags of an EXIF block's first directory, as hex: '8825' is the pointer to the GPS directory. */
export function exifIfd0Tags(exif: Buffer): string[] {
  const b = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  const little = b.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? b.readUInt16LE(at) : b.readUInt16BE(at));
  const u32 = (at: number) => (little ? b.readUInt32LE(at) : b.readUInt32BE(at));
  const ifd = u32(4);
  return Array.from({ length: u16(ifd) }, (_, i) => u16(ifd + 2 + i * 12).toString(16));
}
