/**
 * Legacy Office files (.doc, .xls) are OLE2 "compound files": a small FAT file
 * system inside one file. The magic number says only "compound file", which
 * Windows installers (.msi) and Outlook messages (.msg) share, so the kind is
 * read from the names of the streams in its directory: `WordDocument` for
 * Word, `Workbook` (or `Book`, Excel 5) for Excel.
 */
export type CompoundFileKind = 'doc' | 'xls';

const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECT = 0xffffffff;
const DIR_ENTRY_BYTES = 128;
const STREAM = 2;
/** A 10 MB file has fewer than 21,000 sectors of 512 bytes; anything longer is a loop. */
const MAX_CHAIN = 1 << 16;

export function isCompoundFile(data: Buffer): boolean {
  return data.length >= 512 && data.subarray(0, 8).equals(SIGNATURE);
}

export function compoundFileKind(data: Buffer): CompoundFileKind | null {
  if (!isCompoundFile(data)) return null;
  try {
    const names = new Set(streamNames(data));
    if (names.has('WordDocument')) return 'doc';
    if (names.has('Workbook') || names.has('Book')) return 'xls';
    return null;
  } catch {
    // Malformed tables: not a document we can vouch for.
    return null;
  }
}

function streamNames(data: Buffer): string[] {
  const sectorShift = data.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) throw new Error('bad sector size');
  const sectorSize = 1 << sectorShift;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const readSector = (sector: number): Buffer => {
    const start = sectorOffset(sector);
    if (start + sectorSize > data.length) throw new Error('sector out of range');
    return data.subarray(start, start + sectorSize);
  };

  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = data.readUInt32LE(0x4c + i * 4);
    if (s !== FREE_SECT) fatSectors.push(s);
  }
  // Past 109 FAT sectors (files over ~7 MB) the list continues in DIFAT sectors.
  let difat = data.readUInt32LE(0x44);
  const perDifat = sectorSize / 4 - 1;
  for (let n = 0; difat !== END_OF_CHAIN && difat !== FREE_SECT; n++) {
    if (n > MAX_CHAIN) throw new Error('DIFAT loop');
    const sector = readSector(difat);
    for (let i = 0; i < perDifat; i++) {
      const s = sector.readUInt32LE(i * 4);
      if (s !== FREE_SECT) fatSectors.push(s);
    }
    difat = sector.readUInt32LE(perDifat * 4);
  }
  const fat = (sector: number): number => {
    const perSector = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined) throw new Error('sector outside the FAT');
    return readSector(fatSector).readUInt32LE((sector % perSector) * 4);
  };

  const names: string[] = [];
  let dir = data.readUInt32LE(0x30);
  for (let n = 0; dir !== END_OF_CHAIN; n++) {
    if (n > MAX_CHAIN) throw new Error('directory loop');
    const sector = readSector(dir);
    for (let off = 0; off + DIR_ENTRY_BYTES <= sectorSize; off += DIR_ENTRY_BYTES) {
      const entry = sector.subarray(off, off + DIR_ENTRY_BYTES);
      const nameBytes = entry.readUInt16LE(0x40);
      if (entry[0x42] !== STREAM || nameBytes < 2 || nameBytes > 64) continue;
      names.push(entry.toString('utf16le', 0, nameBytes - 2));
    }
    dir = fat(dir);
  }
  return names;
}
