import type { MessagePort } from 'node:worker_threads';

/**
 * What passes between the server and an inspection worker. The worker gets
 * the head of the file and a port; through the port it says when it starts
 * (the time limit runs from then, not from the wait in the queue) and asks
 * for any other bytes it needs, which the server reads back from storage.
 */
export interface InspectionTask {
  /** The first bytes of the file (at most SNIFF_BYTES). */
  head: Uint8Array;
  size: number;
  port: MessagePort;
}

/** The most a worker asks for at once: one block of its cache. */
export const MAX_READ_BYTES = 64 * 1024;

/** The accepted media type the content reveals, or null. */
export type InspectionResult = string | null;

export type WorkerMessage = { type: 'started' } | { type: 'read'; id: number; offset: number; length: number };

export type ServerMessage = { type: 'bytes'; id: number; bytes: Uint8Array } | { type: 'failed'; id: number; message: string };
