import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { JobName } from './job-catalogue';

/** Every so many milliseconds, or on a cron pattern in a time zone (the 08:00 Bangkok digest). */
export type Schedule = { name: JobName; everyMs: number } | { name: JobName; pattern: string; tz: string };

/**
 * How often a worker makes sure its repeating jobs still exist. A Redis
 * that was emptied (FLUSHALL, a failover to an empty replica) takes the
 * schedulers with it and nothing reconnects to notice: each worker puts
 * them back on start and then at this pace, which is also how late the
 * jobs lost with them are repaired at worst. Two commands per schedule;
 * upserting is idempotent, so many workers doing it at once is harmless.
 */
export const ENSURE_SCHEDULES_EVERY_MS = 15_000;

/**
 * Keeps a queue's repeating jobs in place for as long as the worker runs.
 * Finding them gone after the first round means Redis was emptied, and the
 * queue's other jobs went too (a mail waiting for its turn, a timer):
 * `repair` then runs at once, as at a worker's start, rather than at the
 * next scheduled round minutes later.
 */
export class Schedules {
  private readonly logger = new Logger(Schedules.name);
  private timer?: NodeJS.Timeout;
  private lastFailure?: string;
  private ensuredOnce = false;

  constructor(
    private readonly queue: Queue,
    private readonly schedules: readonly Schedule[],
    private readonly repair: () => Promise<unknown> = async () => undefined,
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
      let gone = false;
      for (const s of this.schedules) {
        if (this.ensuredOnce && !(await this.queue.getJobScheduler(s.name))) gone = true;
        await this.queue.upsertJobScheduler(
          s.name,
          'everyMs' in s ? { every: s.everyMs } : { pattern: s.pattern, tz: s.tz },
          { name: s.name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
        );
      }
      if (this.lastFailure) this.logger.log(`schedules of ${this.queue.name} restored`);
      this.lastFailure = undefined;
      this.ensuredOnce = true;
      if (gone) {
        this.logger.warn(`the schedules of ${this.queue.name} had vanished (Redis emptied?): repairing its jobs now`);
        await this.repair();
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (message !== this.lastFailure) this.logger.warn(`schedules of ${this.queue.name} not ensured: ${message}`);
      this.lastFailure = message;
    }
  }
}
