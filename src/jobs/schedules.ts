import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { JobName } from './job-catalogue';

/** Every so many milliseconds, or on a cron pattern in a time zone (the 08:00 Bangkok digest). */
export type Schedule = { name: JobName; everyMs: number } | { name: JobName; pattern: string; tz: string };

/**
 * How often a worker makes sure its repeating jobs still exist. A Redis
 * that was emptied (FLUSHALL, a failover to an empty replica) takes the
 * schedulers with it and nothing reconnects to notice: each worker puts
 * them back on start and then at this pace. Upserting is idempotent, so
 * many workers doing it at once is harmless.
 */
export const ENSURE_SCHEDULES_EVERY_MS = 60_000;

/** Keeps a queue's repeating jobs in place for as long as the worker runs. */
export class Schedules {
  private readonly logger = new Logger(Schedules.name);
  private timer?: NodeJS.Timeout;
  private lastFailure?: string;

  constructor(
    private readonly queue: Queue,
    private readonly schedules: readonly Schedule[],
    private readonly everyMs = ENSURE_SCHEDULES_EVERY_MS,
  ) {}

  async start(): Promise<void> {
    await this.ensure();
    this.timer = setInterval(() => void this.ensure(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Never throws: a Redis outage is logged once, and the next round tries again. */
  async ensure(): Promise<void> {
    try {
      for (const s of this.schedules) {
        await this.queue.upsertJobScheduler(
          s.name,
          'everyMs' in s ? { every: s.everyMs } : { pattern: s.pattern, tz: s.tz },
          { name: s.name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
        );
      }
      if (this.lastFailure) this.logger.log(`schedules of ${this.queue.name} restored`);
      this.lastFailure = undefined;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (message !== this.lastFailure) this.logger.warn(`schedules of ${this.queue.name} not ensured: ${message}`);
      this.lastFailure = message;
    }
  }
}
