import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Response } from 'supertest';

/**
 * Small files built in memory with the real magic numbers and structure of
 * each format: enough for content sniffing, nothing copied from elsewhere.
 */

/** A valid 1×1 PNG. */
export function png(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
}

/** A PNG signature and header followed by zeros, `size` bytes in all. */
export function paddedPng(size: number): Buffer {
  const out = Buffer.alloc(size);
  png().copy(out, 0, 0, 33);
  return out;
}

export function jpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'binary'),
    Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]),
  ]);
}

export function gif(): Buffer {
  return Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
}

export function webp(): Buffer {
  const body = Buffer.concat([Buffer.from('WEBPVP8L', 'binary'), Buffer.from([0x0a, 0, 0, 0, 0x2f, 0, 0, 0, 0, 0, 0, 0, 0, 0])]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF', 'binary'), size, body]);
}

/** An ISO-BMFF `ftyp` box with the given major brand (`heic` from iPhones, `mif1` generic HEIF). */
export function heif(brand = 'heic'): Buffer {
  return Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from(`ftyp${brand}`, 'binary'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('mif1heic', 'binary'),
    Buffer.alloc(32),
  ]);
}

export function pdf(text = 'Rongrian'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP of stored (uncompressed) entries, in the order given. */
export function zip(entries: Array<[string, string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';

export const docx = () =>
  zip([['[Content_Types].xml', CONTENT_TYPES], ['_rels/.rels', RELS], ['word/document.xml', '<w:document/>']]);
export const xlsx = () =>
  zip([['[Content_Types].xml', CONTENT_TYPES], ['_rels/.rels', RELS], ['xl/workbook.xml', '<workbook/>']]);
export const pptx = () =>
  zip([['[Content_Types].xml', CONTENT_TYPES], ['_rels/.rels', RELS], ['ppt/presentation.xml', '<p:presentation/>']]);
export const odt = () => zip([['mimetype', 'application/vnd.oasis.opendocument.text'], ['content.xml', '<office:document-content/>']]);
export const ods = () =>
  zip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'], ['content.xml', '<office:document-content/>']]);
export const plainZip = () => zip([['readme.txt', 'hello']]);

/**
 * An OLE2 compound file (version 3, 512-byte sectors) whose directory holds
 * a root entry and one stream of this name: `WordDocument` makes a .doc,
 * `Workbook` an .xls; anything else (an installer's tables) is neither.
 */
export function compoundFile(streamName: string): Buffer {
  const SECTOR = 512;
  const out = Buffer.alloc(SECTOR * 3, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  out.writeUInt16LE(0x3e, 0x18);
  out.writeUInt16LE(3, 0x1a);
  out.writeUInt16LE(0xfffe, 0x1c);
  out.writeUInt16LE(9, 0x1e);
  out.writeUInt16LE(6, 0x20);
  out.writeUInt32LE(1, 0x2c); // one FAT sector
  out.writeUInt32LE(1, 0x30); // directory starts at sector 1
  out.writeUInt32LE(4096, 0x38);
  out.writeUInt32LE(0xfffffffe, 0x3c);
  out.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) out.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  // Sector 0: the FAT. Sector 0 is itself a FAT sector, sector 1 (the directory) ends its chain.
  const fat = SECTOR;
  for (let i = 0; i < SECTOR / 4; i++) out.writeUInt32LE(0xffffffff, fat + i * 4);
  out.writeUInt32LE(0xfffffffd, fat);
  out.writeUInt32LE(0xfffffffe, fat + 4);
  // Sector 1: the directory.
  const dir = SECTOR * 2;
  const entry = (at: number, name: string, type: number, child = 0xffffffff) => {
    out.write(name, at, 'utf16le');
    out.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    out[at + 0x42] = type;
    out.writeUInt32LE(0xffffffff, at + 0x44);
    out.writeUInt32LE(0xffffffff, at + 0x48);
    out.writeUInt32LE(child, at + 0x4c);
  };
  entry(dir, 'Root Entry', 5, 1);
  entry(dir + 128, streamName, 2);
  return out;
}

export const doc = () => compoundFile('WordDocument');
export const xls = () => compoundFile('Workbook');

export function exe(): Buffer {
  const out = Buffer.alloc(256);
  out.write('MZ', 0, 'latin1');
  out.writeUInt32LE(0x80, 0x3c);
  out.write('PE\0\0', 0x80, 'latin1');
  return out;
}

/** An ASF header object followed by a sub-object of size 0: file-type 16.5.4 never returns from it. */
export function crashingAsf(): Buffer {
  const out = Buffer.alloc(200);
  Buffer.from('3026b2758e66cf11a6d900aa0062ce6c', 'hex').copy(out, 0);
  return out;
}

export const html = () => Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
export const svg = () =>
  Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

/** Every file under a directory, recursively (the stored objects of the local driver). */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));
}

/** Supertest's parser for binary bodies, whatever the Content-Type. */
export const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
