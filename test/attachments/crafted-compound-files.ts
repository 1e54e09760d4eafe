import { compoundFile } from './sample-files';

/**
 * Compound files whose tables point back into themselves, built from the
 * well-formed Word sample (header, FAT in sector 0, directory in sector 1):
 * each is refused, and none may cost more than its size in sector reads.
 */

const SECTOR = 512;
const FAT_AT = SECTOR; // sector 0
const DIR_AT = 2 * SECTOR; // sector 1

/** The Word sample, grown to `sectors` sectors after the header (zeros past the directory). */
function wordFile(sectors: number): Buffer {
  const out = Buffer.alloc((sectors + 1) * SECTOR);
  compoundFile('WordDocument').copy(out);
  return out;
}

const setFat = (file: Buffer, sector: number, next: number) => file.writeUInt32LE(next >>> 0, FAT_AT + sector * 4);

/**
 * The file from the hardening issue: 8 KB, whose DIFAT sector lists 127
 * FAT sectors and then names itself as the next DIFAT sector. The old
 * reader went round 65,536 times, piling up eight million numbers.
 */
export function difatLoop(): Buffer {
  const file = wordFile(15);
  file.writeUInt32LE(2, 0x44); // first DIFAT sector
  file.writeUInt32LE(1, 0x48); // one DIFAT sector, it says
  const difat = 3 * SECTOR; // sector 2
  for (let i = 0; i < 127; i++) file.writeUInt32LE(0, difat + i * 4);
  file.writeUInt32LE(2, difat + 127 * 4);
  return file;
}

/** The directory sector's FAT entry names the directory sector itself. */
export function selfPointingFat(): Buffer {
  const file = wordFile(2);
  setFat(file, 1, 1);
  return file;
}

/** Two directory sectors, each naming the other as the next. */
export function directoryLoop(): Buffer {
  const file = wordFile(3);
  file.copy(file, 3 * SECTOR, DIR_AT, DIR_AT + SECTOR);
  setFat(file, 1, 2);
  setFat(file, 2, 1);
  return file;
}

/** Header counts of FAT, directory and DIFAT sectors in the billions, in a file of three sectors. */
export function hugeSectorCounts(): Buffer {
  const file = wordFile(2);
  file.writeUInt32LE(0xffffffff, 0x2c);
  file.writeUInt32LE(0xffffffff, 0x48);
  return file;
}

/** A directory that starts two billion sectors into a 1.5 KB file. */
export function sectorBeyondTheFile(): Buffer {
  const file = wordFile(2);
  file.writeUInt32LE(0x7ffffff0, 0x30);
  return file;
}

/**
 * A file of `sectors` sectors whose directory chain runs through every
 * one of them (FAT and DIFAT sectors included) and then, by default, back
 * to the first directory sector: the longest walk a file can force. Past
 * 109 FAT sectors (7 MB) the FAT's own list goes on in DIFAT sectors.
 */
export function longDirectoryChain(sectors: number, { loops = true } = {}): Buffer {
  const file = wordFile(sectors);
  const fatCount = Math.ceil(sectors / 128);
  const difatCount = Math.max(0, Math.ceil((fatCount - 109) / 127));
  // FAT in sectors 0, 2, 3, …; then the DIFAT sectors (sector 1 stays the first directory sector).
  const fatList = [0, ...Array.from({ length: fatCount - 1 }, (_, i) => i + 2)];
  const difatList = Array.from({ length: difatCount }, (_, i) => fatCount + 1 + i);
  file.writeUInt32LE(fatCount, 0x2c);
  file.writeUInt32LE(difatList[0] ?? 0xfffffffe, 0x44);
  file.writeUInt32LE(difatCount, 0x48);
  for (let i = 0; i < 109; i++) file.writeUInt32LE(fatList[i] ?? 0xffffffff, 0x4c + i * 4);
  difatList.forEach((d, k) => {
    const at = (d + 1) * SECTOR;
    for (let i = 0; i < 127; i++) file.writeUInt32LE(fatList[109 + k * 127 + i] ?? 0xffffffff, at + i * 4);
    file.writeUInt32LE(difatList[k + 1] ?? 0xfffffffe, at + 127 * 4);
  });
  const fatEntry = (sector: number, next: number) => {
    const fatSector = fatList[Math.floor(sector / 128)];
    file.writeUInt32LE(next >>> 0, (fatSector + 1) * SECTOR + (sector % 128) * 4);
  };
  for (let s = 1; s < sectors - 1; s++) fatEntry(s, s + 1);
  fatEntry(sectors - 1, loops ? 1 : 0xfffffffe);
  return file;
}
