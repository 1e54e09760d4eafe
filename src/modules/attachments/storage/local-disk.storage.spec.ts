import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { newStorageKey } from './attachment-storage';
import { LocalDiskStorage } from './local-disk.storage';

describe('LocalDiskStorage', () => {
  let dir: string;
  let storage: LocalDiskStorage;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rongrian-storage-'));
    storage = new LocalDiskStorage(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes, reads back and deletes, leaving no temporary file', async () => {
    const key = newStorageKey();
    await storage.put(key, Readable.from([Buffer.from('สวัส'), Buffer.from('ดี')]));
    expect(await text(await storage.openForRead(key))).toBe('สวัสดี');
    expect((await storage.readRange(key, 3, 6)).toString()).toBe('วั');
    await expect(storage.readRange(key, 15, 4)).rejects.toThrow(RangeError);
    expect(await readdir(join(dir, key.slice(0, 2)))).toEqual([key.slice(3)]);
    await storage.delete(key);
    await storage.delete(key);
    await expect(storage.openForRead(key)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('leaves nothing behind when the body fails half-way', async () => {
    const key = newStorageKey();
    const failing = new Readable({ read() {} });
    failing.push(Buffer.alloc(1000, 1));
    setImmediate(() => failing.destroy(new Error('client went away')));
    await expect(storage.put(key, failing)).rejects.toThrow('client went away');
    expect(await readdir(join(dir, key.slice(0, 2)))).toEqual([]);
  });

  it('refuses keys it did not make, so nothing can reach outside its directory', async () => {
    for (const key of ['../escape', 'ab/../../x', '/etc/passwd', 'ab/not-a-uuid', '']) {
      await expect(storage.put(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(/storage key/);
      await expect(storage.readRange(key, 0, 1)).rejects.toThrow(/storage key/);
      await expect(storage.openForRead(key)).rejects.toThrow(/storage key/);
      await expect(storage.delete(key)).rejects.toThrow(/storage key/);
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('makes random keys spread over two-character folders', () => {
    const keys = new Set(Array.from({ length: 100 }, newStorageKey));
    expect(keys.size).toBe(100);
    for (const k of keys) expect(k).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
  });
});
