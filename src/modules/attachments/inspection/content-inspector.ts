import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { MessageChannel, MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { AcceptedType, acceptedType } from '../content-type';
import { MAX_READ_BYTES } from './inspection-protocol';
import type { InspectionResult, InspectionTask, ServerMessage, WorkerMessage } from './inspection-protocol';
import { workerScript } from './worker-script';

export interface ContentInspectorOptions {
  /** The worker's file; tests substitute one that hangs or runs out of memory. */
  script?: { filename: string; execArgv: string[] };
  /** How long one file may take once a worker has started on it. */
  timeLimitMs?: number;
  /** Each worker's JavaScript heap; past it the worker dies and the file is not accepted. */
  maxHeapMb?: number;
  maxThreads?: number;
}

/** Reads the stored file beyond its head, for a compound file's tables. */
export type ReadRest = (offset: number, length: number) => Promise<Buffer>;

/**
 * A well-formed file needs a few blocks at most; a worker asking for more
 * than twice the file (a crafted chain hopping between blocks) is stopped.
 */
const readBudget = (size: number) => 2 * size + MAX_READ_BYTES;

/**
 * Judges a file's type in a pool of worker threads, so that no crafted file
 * can hold the event loop or the server's heap: each task has a time limit,
 * from when a worker starts on it, and each worker a heap limit. A worker
 * that times out, dies or misbehaves makes the file "not accepted" and is
 * replaced; the server carries on.
 */
export class ContentInspector implements OnApplicationShutdown {
  private readonly logger = new Logger(ContentInspector.name);
  private readonly pool: Piscina<InspectionTask, InspectionResult>;
  private readonly timeLimitMs: number;

  constructor(options: ContentInspectorOptions = {}) {
    const script = options.script ?? workerScript('content-inspection.worker');
    this.timeLimitMs = options.timeLimitMs ?? 5_000;
    const heapMb = options.maxHeapMb ?? 64;
    this.pool = new Piscina({
      filename: script.filename,
      execArgv: script.execArgv,
      // One core is left to the event loop; workers start on demand and stay a while.
      minThreads: 0,
      maxThreads: options.maxThreads ?? Math.max(1, availableParallelism() - 1),
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.max(4, heapMb / 8) },
      // Tasks wait on the port for bytes; a worker parked in Atomics.wait between tasks would not hear it.
      atomics: 'disabled',
    });
    // A worker that dies between tasks (after its task was stopped) is replaced; unheard, the error would end the process.
    this.pool.on('error', (err: Error) => this.logger.warn(`inspection worker died: ${err.message}`));
  }

  /** The accepted type the bytes reveal, or null when they are not accepted or could not be judged. */
  async inspect(head: Buffer, size: number, readRest: ReadRest): Promise<AcceptedType | null> {
    const { port1, port2 } = new MessageChannel();
    const abort = new AbortController();
    const reads = new ReadServer(port1, size, readRest);
    let timer: NodeJS.Timeout | undefined;
    port1.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'started') {
        timer = setTimeout(() => abort.abort(new Error(`no verdict within ${this.timeLimitMs} ms`)), this.timeLimitMs);
      } else if (msg.type === 'read') {
        reads.serve(msg);
      }
    });
    // A copy of exactly the head, moved rather than cloned: a Buffer may be a view of a larger one.
    const ownHead = new Uint8Array(head);
    try {
      const mediaType = await this.pool.run(
        { head: ownHead, size, port: port2 },
        { transferList: [port2, ownHead.buffer], signal: abort.signal },
      );
      return mediaType === null ? null : acceptedType(mediaType);
    } catch (err) {
      // Storage failing is the server's trouble, not a verdict on the file.
      if (reads.storageError) throw reads.storageError;
      const why = abort.signal.aborted ? (abort.signal.reason as Error) : (err as Error);
      this.logger.warn(`content inspection stopped, file not accepted: ${why.message}`);
      return null;
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.pool.destroy();
  }
}

/** Answers a worker's reads within the file and a budget. */
class ReadServer {
  storageError: Error | null = null;
  private budget: number;

  constructor(
    private readonly port: MessagePort,
    private readonly size: number,
    private readonly readRest: ReadRest,
  ) {
    this.budget = readBudget(size);
  }

  serve({ id, offset, length }: { id: number; offset: number; length: number }): void {
    const fail = (message: string) => this.reply({ type: 'failed', id, message });
    if (length > MAX_READ_BYTES || offset < 0 || length < 0 || offset + length > this.size) return fail('read outside the file');
    if ((this.budget -= length) < 0) return fail('read budget spent');
    this.readRest(offset, length).then(
      (bytes) => this.reply({ type: 'bytes', id, bytes: new Uint8Array(bytes) }),
      (err: Error) => {
        this.storageError ??= err;
        fail('storage read failed');
      },
    );
  }

  private reply(message: ServerMessage): void {
    // The task may have ended (time limit) while storage was answering.
    try {
      this.port.postMessage(message);
    } catch {
      /* port closed */
    }
  }
}
