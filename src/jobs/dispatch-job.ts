import { DelayedError, Job } from 'bullmq';
import { JobHandlers, QueueName } from './job-catalogue';

type Attempt = Parameters<JobHandlers<QueueName>[keyof JobHandlers<QueueName>]>[1];

/** The job failures counter of the metrics, as a processor hands it over. */
export interface FailureCounter {
  inc(labels: { queue: string; job: string }): void;
}

export interface Dispatch<Q extends QueueName> {
  queue: Q;
  handlers: JobHandlers<Q>;
  failures: FailureCounter;
  /**
   * How long to wait when the error only means "not yet" (a timer early by
   * the rules' clock, a notice waiting for an earlier one); null when it is
   * a failure.
   */
  postponeFor?: (err: unknown) => number | null;
}

/**
 * Runs a job's handler, the one way every processor does: a failure is
 * counted on /metrics and thrown for BullMQ to retry; a "not yet" sends the
 * job back to wait without spending an attempt and is no failure.
 */
export async function dispatchJob<Q extends QueueName>(d: Dispatch<Q>, job: Job, token?: string): Promise<void> {
  try {
    // The catalogue types each handler by its job name; a job from Redis is only known by its name at run time.
    const handler = (d.handlers as Partial<Record<string, (payload: unknown, attempt: Attempt) => Promise<void>>>)[job.name];
    if (!handler) throw new Error(`no handler for job ${job.name} on ${d.queue}`);
    await handler(job.data, { made: job.attemptsMade, max: job.opts.attempts ?? 1 });
  } catch (err) {
    const waitMs = token ? (d.postponeFor?.(err) ?? null) : null;
    if (waitMs === null) {
      d.failures.inc({ queue: d.queue, job: job.name });
      throw err;
    }
    await job.moveToDelayed(Date.now() + waitMs, token);
    throw new DelayedError();
  }
}
