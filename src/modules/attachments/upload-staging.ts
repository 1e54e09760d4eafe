import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { SNIFF_BYTES } from './content-type';
import { AttachmentStorage, newStorageKey } from './storage/attachment-storage';

/** A file written to storage as it arrived, before anything is believed about it. */
export interface StagedFile {
  storageKey: string;
  size: number;
  sha256: string;
  /** The first bytes (up to SNIFF_BYTES), kept in memory for the type check. */
  head: Buffer;
}

/** Storage could not take a file: the server's failure, not a malformed request. */
export class StagingFailed extends Error {
  constructor(cause: unknown) {
    super(`could not store an upload: ${(cause as Error).message}`, { cause });
  }
}

/**
 * Streams files into storage under fresh keys, hashing and measuring them
 * on the way, so that a request holds a bounded buffer whatever its size.
 * Until their rows are written, staged files belong to the request: it
 * records them or discards them.
 */
export class UploadStaging {
  private readonly logger = new Logger(UploadStaging.name);

  constructor(private readonly storage: AttachmentStorage) {}

  /** Rejects with the source's own error when the source fails, with StagingFailed when storage does. */
  async stage(source: Readable): Promise<StagedFile> {
    const storageKey = newStorageKey();
    const meter = new Meter(SNIFF_BYTES);
    let sourceError: Error | undefined;
    // `pipe` does not pass errors on; a client that goes away mid-file must fail the write.
    const onSourceError = (err: Error) => {
      sourceError = err;
      meter.destroy(err);
    };
    source.once('error', onSourceError);
    try {
      await this.storage.put(storageKey, source.pipe(meter));
    } catch (err) {
      // Let the rest of the file drain, so that the multipart parser can go on to the end of the body.
      source.unpipe(meter);
      source.resume();
      throw sourceError ?? new StagingFailed(err);
    } finally {
      source.off('error', onSourceError);
    }
    return { storageKey, ...meter.measured() };
  }

  /** Removes staged or stored objects; never throws: the request has its own outcome already. */
  async discard(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      try {
        await this.storage.delete(key);
      } catch (err) {
        // An orphaned object is only wasted space.
        this.logger.warn(`could not remove stored attachment ${key}: ${(err as Error).message}`);
      }
    }
  }
}

/** Passes bytes through unchanged, counting and hashing them and keeping a copy of the first few. */
class Meter extends Transform {
  private readonly hash = createHash('sha256');
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private size = 0;

  constructor(private readonly headBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.headLength < this.headBytes) {
      // A copy: the chunk is a view of the parser's larger buffer, which must not be kept alive.
      const part = Buffer.from(chunk.subarray(0, this.headBytes - this.headLength));
      this.headChunks.push(part);
      this.headLength += part.length;
    }
    done(null, chunk);
  }

  measured(): Omit<StagedFile, 'storageKey'> {
    return { size: this.size, sha256: this.hash.digest('hex'), head: Buffer.concat(this.headChunks) };
  }
}
