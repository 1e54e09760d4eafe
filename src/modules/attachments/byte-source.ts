/**
 * Random access to a file that is not all in memory: the first bytes are,
 * the rest is read back from storage on demand. Readers ask for what they
 * need and no more.
 */
export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes from `offset`; rejects a range outside the file. */
  read(offset: number, length: number): Promise<Buffer>;
}

export function assertRange(size: number, offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > size) {
    throw new RangeError(`bytes ${offset}+${length} are outside a file of ${size} bytes`);
  }
}

/** A whole file in memory (tests, and files short enough to be all head). */
export function bufferSource(data: Buffer): ByteSource {
  return {
    size: data.length,
    async read(offset, length) {
      assertRange(data.length, offset, length);
      return data.subarray(offset, offset + length);
    },
  };
}

/**
 * The head in memory, anything past it from `readRest`. A read that
 * straddles the end of the head is served from `readRest` whole: the
 * readers here ask for one sector at a time, so that is rare and small.
 */
export function headedSource(head: Buffer, size: number, readRest: (offset: number, length: number) => Promise<Buffer>): ByteSource {
  return {
    size,
    async read(offset, length) {
      assertRange(size, offset, length);
      if (offset + length <= head.length) return head.subarray(offset, offset + length);
      const bytes = await readRest(offset, length);
      if (bytes.length !== length) throw new RangeError(`asked for ${length} bytes at ${offset}, got ${bytes.length}`);
      return bytes;
    },
  };
}

/**
 * Reads whole blocks and keeps the last few, so that a walk through
 * neighbouring sectors costs one read per block, not one per sector, when
 * each read is a round trip to storage. Reads that cross a block boundary
 * go through uncached.
 */
export function blockCachedSource(source: ByteSource, blockSize: number, maxBlocks: number): ByteSource {
  const blocks = new Map<number, Promise<Buffer>>();
  const block = (index: number): Promise<Buffer> => {
    let found = blocks.get(index);
    if (found) {
      // Most recently used last: Map keeps insertion order.
      blocks.delete(index);
    } else {
      const start = index * blockSize;
      found = source.read(start, Math.min(blockSize, source.size - start));
      if (blocks.size >= maxBlocks) blocks.delete(blocks.keys().next().value as number);
    }
    blocks.set(index, found);
    return found;
  };
  return {
    size: source.size,
    async read(offset, length) {
      assertRange(source.size, offset, length);
      const index = Math.floor(offset / blockSize);
      if (Math.floor((offset + length - 1) / blockSize) !== index || length === 0) return source.read(offset, length);
      const start = offset - index * blockSize;
      return (await block(index)).subarray(start, start + length);
    },
  };
}
