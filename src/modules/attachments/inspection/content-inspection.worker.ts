import type { MessagePort } from 'node:worker_threads';
import { blockCachedSource, headedSource } from '../byte-source';
import { detectMediaType } from '../content-type';
import { MAX_READ_BYTES } from './inspection-protocol';
import type { InspectionResult, InspectionTask, ServerMessage, WorkerMessage } from './inspection-protocol';

/** A few blocks of the file kept at a time: 512 KB, outside the worker's heap limit but bounded here. */
const CACHED_BLOCKS = 8;

/**
 * Runs in a worker thread (see ContentInspector): the parsing of untrusted
 * bytes, kept away from the server's event loop and within its own heap.
 */
export default async function inspect({ head, size, port }: InspectionTask): Promise<InspectionResult> {
  const reads = new PortReads(port);
  send(port, { type: 'started' });
  try {
    const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
    const rest = blockCachedSource({ size, read: reads.read }, MAX_READ_BYTES, CACHED_BLOCKS);
    return await detectMediaType(bytes, headedSource(bytes, size, rest.read));
  } finally {
    port.close();
  }
}

/** Bytes past the head, asked of the server one range at a time. */
class PortReads {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();

  constructor(private readonly port: MessagePort) {
    port.on('message', (msg: ServerMessage) => {
      const pending = this.waiting.get(msg.id);
      if (!pending) return;
      this.waiting.delete(msg.id);
      if (msg.type === 'bytes') pending.resolve(Buffer.from(msg.bytes.buffer, msg.bytes.byteOffset, msg.bytes.byteLength));
      else pending.reject(new Error(msg.message));
    });
  }

  read = (offset: number, length: number): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      send(this.port, { type: 'read', id, offset, length });
    });
}

function send(port: MessagePort, message: WorkerMessage): void {
  port.postMessage(message);
}
