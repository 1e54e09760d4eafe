import * as crafted from '../../../test/attachments/crafted-compound-files';
import * as sample from '../../../test/attachments/sample-files';
import { bufferSource, ByteSource } from './byte-source';
import { compoundFileKind, readCompoundFileKind } from './compound-file';

/** Counts what the reader asks for, to show that no walk reads more than the file holds. */
function counted(data: Buffer): ByteSource & { reads: number; bytes: number } {
  const inner = bufferSource(data);
  const source = {
    size: data.length,
    reads: 0,
    bytes: 0,
    read(offset: number, length: number) {
      source.reads++;
      source.bytes += length;
      return inner.read(offset, length);
    },
  };
  return source;
}

describe('compoundFileKind', () => {
  it('reads the stream names from the directory, not the magic number alone', async () => {
    expect(await compoundFileKind(bufferSource(sample.doc()))).toBe('doc');
    expect(await compoundFileKind(bufferSource(sample.xls()))).toBe('xls');
    expect(await compoundFileKind(bufferSource(sample.compoundFile('Book')))).toBe('xls');
    expect(await compoundFileKind(bufferSource(sample.compoundFile('PowerPoint Document')))).toBeNull();
    expect(await compoundFileKind(bufferSource(sample.compoundFile('MsiDatabase')))).toBeNull();
  });

  it('refuses a file cut short inside its tables', async () => {
    expect(await compoundFileKind(bufferSource(sample.doc().subarray(0, 600)))).toBeNull();
    expect(await compoundFileKind(bufferSource(sample.doc().subarray(0, 400)))).toBeNull();
  });

  it.each([
    ['a DIFAT sector that names itself next (the 8 KB file of the issue)', crafted.difatLoop(), /DIFAT chain loops/],
    ['a FAT entry that points the directory at itself', crafted.selfPointingFat(), /directory chain loops/],
    ['two directory sectors pointing at each other', crafted.directoryLoop(), /directory chain loops/],
    ['header sector counts in the billions', crafted.hugeSectorCounts(), /counts more sectors than the file holds/],
    ['a directory two billion sectors in', crafted.sectorBeyondTheFile(), /outside the file/],
  ])('refuses %s, reading each sector at most once', async (_name, file, why) => {
    const source = counted(file);
    await expect(readCompoundFileKind(source)).rejects.toThrow(why);
    // The header, then at most every sector of the file once as a table and once as the FAT.
    expect(source.reads).toBeLessThanOrEqual(1 + 2 * (file.length / 512 - 1));
    expect(await compoundFileKind(bufferSource(file))).toBeNull();
  });

  it('bounds the longest walk a 10 MB file can force by its own size', async () => {
    const sectors = (10 * 1024 * 1024) / 512 - 1;
    const file = crafted.longDirectoryChain(sectors);
    const source = counted(file);
    await expect(readCompoundFileKind(source)).rejects.toThrow(/directory chain loops/);
    // The header, each DIFAT sector once, each FAT sector once (kept), each directory sector once.
    const fatSectors = Math.ceil(sectors / 128);
    const difatSectors = Math.ceil((fatSectors - 109) / 127);
    expect(source.reads).toBeLessThanOrEqual(1 + difatSectors + fatSectors + sectors);
    expect(source.bytes).toBeLessThanOrEqual(file.length + (difatSectors + fatSectors) * 512);
  });

  it('accepts a long chain that ends properly, its FAT listed in the header and in DIFAT sectors', async () => {
    expect(await readCompoundFileKind(counted(crafted.longDirectoryChain(300, { loops: false })))).toBe('doc');
    expect(await readCompoundFileKind(counted(crafted.longDirectoryChain(20_000, { loops: false })))).toBe('doc');
  });
});
