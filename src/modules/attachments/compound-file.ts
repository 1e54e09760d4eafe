import type { ByteSource } from './byte-source';

/**
 * Legacy Office files (.doc, .xls) are OLE2 "compound files": a small FAT file
 * system inside one file. The magic number says only "compound file", which
 * Windows installers (.msi) and Outlook messages (.msg) share, so the kind is
 * read from the names of the streams in its directory: `WordDocument` for
 * Word, `Workbook` (or `Book`, Excel 5) for Excel.
 *
 * Every table in the file is a list of sector numbers that the file itself
 * chooses, so a crafted file can point them back into themselves. Each walk
 * below is therefore bounded by what the file can hold (its size in
 * sectors) and remembers where it has been: a sector met twice is a loop
 * and the file is refused. Nothing grows with anything but the file's size.
 */
export type CompoundFileKind = 'doc' | 'xls';

const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const HEADER_BYTES = 512;
const HEADER_DIFAT_ENTRIES = 109;
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECT = 0xffffffff;
const DIR_ENTRY_BYTES = 128;
const STREAM = 2;
const TELLING_NAMES = new Set(['WordDocument', 'Workbook', 'Book']);

/** Why a file was refused; tests assert on it, callers only see `null`. */
export class MalformedCompoundFile extends Error {}

const malformed = (why: string) => new MalformedCompoundFile(why);

export function isCompoundFile(head: Buffer): boolean {
  return head.length >= 8 && head.subarray(0, 8).equals(SIGNATURE);
}

/** Word, Excel, or null for anything else, including a file whose tables do not hold together. */
export async function compoundFileKind(source: ByteSource): Promise<CompoundFileKind | null> {
  try {
    return await readCompoundFileKind(source);
  } catch (err) {
    if (err instanceof MalformedCompoundFile || err instanceof RangeError) return null;
    throw err;
  }
}

/** As `compoundFileKind`, but says why a malformed file was refused. */
export async function readCompoundFileKind(source: ByteSource): Promise<CompoundFileKind | null> {
  if (source.size < HEADER_BYTES) throw malformed('shorter than its header');
  const header = await source.read(0, HEADER_BYTES);
  if (!isCompoundFile(header)) throw malformed('no compound file signature');
  const sectorShift = header.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) throw malformed('bad sector size');

  const sectors = new SectorReader(source, 1 << sectorShift);
  // Directory, FAT and DIFAT sector counts: none can exceed what the file holds.
  for (const at of [0x28, 0x2c, 0x48]) {
    if (header.readUInt32LE(at) > sectors.count) throw malformed('the header counts more sectors than the file holds');
  }
  const fat = new Fat(sectors, await fatSectorNumbers(header, sectors));
  const names = await directoryStreamNames(header.readUInt32LE(0x30), sectors, fat);
  if (names.has('WordDocument')) return 'doc';
  if (names.has('Workbook') || names.has('Book')) return 'xls';
  return null;
}

/** Sector n lives at (n + 1) × size; only the sectors the file really holds can be read. */
class SectorReader {
  /** The bound of every walk: a chain can visit at most every sector once. */
  readonly count: number;
  /** Sector numbers per FAT or DIFAT sector. */
  readonly entries: number;

  constructor(
    private readonly source: ByteSource,
    readonly size: number,
  ) {
    this.count = Math.max(0, Math.floor(source.size / size) - 1);
    this.entries = size / 4;
  }

  read(sector: number): Promise<Buffer> {
    if (!this.holds(sector)) throw malformed(`sector ${sector} is outside the file`);
    return this.source.read((sector + 1) * this.size, this.size);
  }

  /** Also false for the special values (end of chain, free, FAT, DIFAT), all far above any real count. */
  holds(sector: number): boolean {
    return sector < this.count;
  }
}

/**
 * The FAT's own sectors: 109 listed in the header, the rest in a chain of
 * DIFAT sectors. Only as many are kept as it takes to map the sectors the
 * file holds; the chain is still walked to its end (once per sector at most)
 * so that a looping or dangling chain refuses the file.
 */
async function fatSectorNumbers(header: Buffer, sectors: SectorReader): Promise<number[]> {
  const needed = Math.ceil(sectors.count / sectors.entries);
  const out: number[] = [];
  const take = (s: number) => {
    if (s !== FREE_SECT && out.length < needed) out.push(s);
  };
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) take(header.readUInt32LE(0x4c + i * 4));

  const visited = new Set<number>();
  for (let difat = header.readUInt32LE(0x44); difat !== END_OF_CHAIN && difat !== FREE_SECT; ) {
    if (visited.has(difat)) throw malformed('the DIFAT chain loops');
    visited.add(difat);
    const sector = await sectors.read(difat);
    const last = sectors.entries - 1;
    for (let i = 0; i < last; i++) take(sector.readUInt32LE(i * 4));
    difat = sector.readUInt32LE(last * 4);
  }
  return out;
}

/** Next-sector lookups, each FAT sector read once and kept (at most the file's size / 128). */
class Fat {
  private readonly cache = new Map<number, Buffer>();

  constructor(
    private readonly sectors: SectorReader,
    private readonly fatSectors: number[],
  ) {}

  async next(sector: number): Promise<number> {
    const index = Math.floor(sector / this.sectors.entries);
    const fatSector = this.fatSectors[index];
    if (fatSector === undefined) throw malformed(`sector ${sector} is outside the FAT`);
    let table = this.cache.get(index);
    if (!table) {
      table = await this.sectors.read(fatSector);
      this.cache.set(index, table);
    }
    return table.readUInt32LE((sector % this.sectors.entries) * 4);
  }
}

/** Which of the telling names the directory's streams have; its chain is walked once, to its proper end. */
async function directoryStreamNames(first: number, sectors: SectorReader, fat: Fat): Promise<Set<string>> {
  const names = new Set<string>();
  const visited = new Set<number>();
  for (let dir = first; dir !== END_OF_CHAIN; dir = await fat.next(dir)) {
    if (!sectors.holds(dir)) throw malformed(`directory sector ${dir} is outside the file`);
    if (visited.has(dir)) throw malformed('the directory chain loops');
    visited.add(dir);
    const sector = await sectors.read(dir);
    for (let off = 0; off + DIR_ENTRY_BYTES <= sectors.size; off += DIR_ENTRY_BYTES) {
      const nameBytes = sector.readUInt16LE(off + 0x40);
      if (sector[off + 0x42] !== STREAM || nameBytes < 2 || nameBytes > 64) continue;
      const name = sector.toString('utf16le', off, off + nameBytes - 2);
      if (TELLING_NAMES.has(name)) names.add(name);
    }
  }
  return names;
}
