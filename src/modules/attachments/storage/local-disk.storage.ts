import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AttachmentStorage, assertStorageKey, holdErrors } from './attachment-storage';

/** Files under one directory (ATTACHMENTS_DIR), which nothing serves directly. */
export class LocalDiskStorage implements AttachmentStorage {
  private readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  async put(key: string, body: Readable): Promise<void> {
    const target = this.pathOf(key);
    const released = holdErrors(body);
    // A reader, or a crash, must never meet half a file under the real name.
    const temp = `${target}.${randomBytes(6).toString('hex')}.partial`;
    try {
      await mkdir(dirname(target), { recursive: true });
      await pipeline(body, createWriteStream(temp, { flags: 'wx', mode: 0o640, flush: true }));
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    } finally {
      released();
    }
    try {
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async openForRead(key: string): Promise<Readable> {
    // Opened before returning, so that a missing file fails here and not mid-response.
    const handle = await open(this.pathOf(key), 'r');
    return handle.createReadStream();
  }

  async readRange(key: string, offset: number, length: number): Promise<Buffer> {
    const handle = await open(this.pathOf(key), 'r');
    try {
      const out = Buffer.alloc(length);
      const { bytesRead } = await handle.read(out, 0, length, offset);
      if (bytesRead !== length) throw new RangeError(`${key} has no ${length} bytes at ${offset}`);
      return out;
    } finally {
      await handle.close();
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    const path = resolve(join(this.root, key));
    if (!path.startsWith(this.root + sep)) throw new Error('Storage key resolves outside the attachments directory');
    return path;
  }
}
