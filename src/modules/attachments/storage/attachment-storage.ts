import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live, outside the database. Keys are made by
 * `newStorageKey` and nothing else: a file's own name never reaches storage.
 */
export interface AttachmentStorage {
  /**
   * Streams `body` into the object as it arrives, holding little of it in
   * memory. The object is visible under `key` only once complete; if the
   * body or the write fails, nothing is left of it.
   */
  put(key: string, body: Readable): Promise<void>;
  openForRead(key: string): Promise<Readable>;
  /** Exactly `length` bytes from `offset`, for a reader that needs a part of a large object. */
  readRange(key: string, offset: number, length: number): Promise<Buffer>;
  /** Removes the object; one already gone is not an error. */
  delete(key: string): Promise<void>;
}

export const ATTACHMENT_STORAGE = Symbol('AttachmentStorage');

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** `3f/3f2a…-…`: random, and spread over 256 folders so that none grows huge. */
export function newStorageKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}`;
}

/** Every driver refuses any other key, so no caller can make one reach outside its root. */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Not an attachment storage key: ${JSON.stringify(key)}`);
}

/**
 * A driver may have set-up to do (a folder, a request) before it reads the
 * body; an error of the body meanwhile must fail the write, not the
 * process, as an unheard 'error' event would. Returns the release.
 */
export function holdErrors(body: Readable): () => void {
  const heard = () => undefined;
  body.on('error', heard);
  return () => body.off('error', heard);
}
