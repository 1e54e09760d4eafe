import { Logger } from '@nestjs/common';
import type { Worker } from 'bullmq';

/**
 * How long a stopping worker lets its running jobs finish: inside the 10 s
 * that `docker stop` and most process managers give before they kill.
 */
export const SHUTDOWN_GRACE_MS = 8_000;

/**
 * How many times a job may be taken up again after its process died under
 * it (a crash, a kill, a deploy cut short) before BullMQ fails it. The
 * handlers are idempotent, so a stall is no fault of the job. BullMQ's
 * default of 1 failed a mail whose process had been killed twice, and the
 * mail then waited for the outbox's next round, up to five minutes. The
 * bound still stops a job that kills its process every time.
 */
export const STALLS_ALLOWED = 10;

/**
 * Stops taking jobs and waits for the running ones, for at most `graceMs`;
 * then lets go of the rest. Their locks lapse and another worker (or this
 * one, restarted) takes them up again as stalled jobs, and their handlers,
 * being idempotent, finish what was begun: a job is returned, never lost.
 */
export async function closeWorkerWithin(worker: Worker | undefined, graceMs = SHUTDOWN_GRACE_MS, logger?: Logger): Promise<void> {
  if (!worker) return;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  const outcome = await Promise.race([worker.close().then(() => 'closed' as const), timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    logger?.warn(`${worker.name}: jobs still running after ${graceMs} ms; returning them to the queue`);
    await worker.close(true);
  }
}
