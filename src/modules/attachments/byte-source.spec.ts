import { blockCachedSource, bufferSource, ByteSource, headedSource } from './byte-source';

const file = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

function counting(data: Buffer): ByteSource & { calls: Array<[number, number]> } {
  const inner = bufferSource(data);
  const calls: Array<[number, number]> = [];
  return { size: data.length, calls, read: (offset, length) => (calls.push([offset, length]), inner.read(offset, length)) };
}

describe('headedSource', () => {
  it('serves the head from memory and only the rest from storage', async () => {
    const rest = counting(file);
    const source = headedSource(file.subarray(0, 100), file.length, rest.read);
    expect(await source.read(10, 20)).toEqual(file.subarray(10, 30));
    expect(rest.calls).toEqual([]);
    expect(await source.read(90, 20)).toEqual(file.subarray(90, 110));
    expect(await source.read(500, 8)).toEqual(file.subarray(500, 508));
    expect(rest.calls).toEqual([
      [90, 20],
      [500, 8],
    ]);
  });

  it('refuses ranges outside the file, and a short answer from storage', async () => {
    const source = headedSource(file.subarray(0, 100), file.length, async () => Buffer.alloc(3));
    await expect(source.read(995, 10)).rejects.toThrow(RangeError);
    await expect(source.read(-1, 2)).rejects.toThrow(RangeError);
    await expect(source.read(200, 8)).rejects.toThrow(/got 3/);
  });
});

describe('blockCachedSource', () => {
  it('reads each block once while it is kept, the last block short', async () => {
    const inner = counting(file);
    const source = blockCachedSource(inner, 256, 2);
    for (let at = 0; at < 512; at += 32) expect(await source.read(at, 32)).toEqual(file.subarray(at, at + 32));
    expect(await source.read(990, 10)).toEqual(file.subarray(990, 1000));
    expect(inner.calls).toEqual([
      [0, 256],
      [256, 256],
      [768, 232],
    ]);
  });

  it('keeps no more than its blocks, dropping the least recently used', async () => {
    const inner = counting(file);
    const source = blockCachedSource(inner, 256, 2);
    await source.read(0, 8); // block 0
    await source.read(256, 8); // block 1
    await source.read(0, 8); // block 0 again: now the most recent
    await source.read(512, 8); // block 2 pushes out block 1
    await source.read(0, 8);
    await source.read(256, 8);
    expect(inner.calls.map(([offset]) => offset)).toEqual([0, 256, 512, 256]);
  });

  it('passes reads across a block boundary straight through', async () => {
    const inner = counting(file);
    expect(await blockCachedSource(inner, 256, 2).read(250, 12)).toEqual(file.subarray(250, 262));
    expect(inner.calls).toEqual([[250, 12]]);
  });
});
