import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Clock } from '../../common/time/clock';
import { PayloadOf, QUEUES } from '../../jobs/job-catalogue';
import { Timer, timerJobId } from './deadline-plan';

/** Which of KEYS exist, 1 or 0 each, in their order. */
const EXISTS_EACH = `local found = {}
for i, key in ipairs(KEYS) do found[i] = redis.call('EXISTS', key) end
return found`;

/** Kept long enough to look into, short enough not to fill Redis. */
const KEEP_FAILED_SECONDS = 7 * 24 * 3600;

/**
 * The Redis side of the timers: one delayed BullMQ job per open case, for
 * its next timer, keyed by case, occasion and due date. What the database
 * says is the truth; this only mirrors it, and the reconciler repairs it.
 */
@Injectable()
export class DeadlineTimers implements OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineTimers.name);
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    @InjectQueue(QUEUES.deadlines) private readonly queue: Queue,
    private readonly clock: Clock,
  ) {}

  /** Adding an id that is already there does nothing: the same timer is never set twice. */
  async set(caseId: string, t: Timer): Promise<void> {
    const job = this.job(caseId, t);
    await this.queue.add(job.name, job.data, job.opts);
  }

  /** Many at once, in one round trip (a group's registrations, the reconciler's repairs). */
  async setMany(timers: ReadonlyArray<{ caseId: string; timer: Timer }>): Promise<void> {
    if (timers.length) await this.queue.addBulk(timers.map(({ caseId, timer }) => this.job(caseId, timer)));
  }

  private job(caseId: string, t: Timer) {
    const data: PayloadOf<'deadline.timer'> = { caseId, dueAt: t.dueAt.getTime(), occasion: t.occasion };
    return {
      name: 'deadline.timer' as const,
      data,
      opts: {
        jobId: timerJobId(caseId, t),
        delay: Math.max(0, t.fireAt.getTime() - this.clock.now().getTime()),
        attempts: 8,
        backoff: { type: 'exponential' as const, delay: 2_000 },
        removeOnComplete: true,
        removeOnFail: { age: KEEP_FAILED_SECONDS },
      },
    };
  }

  /** Removes the timers; one running now finishes and finds nothing to do. */
  async clear(caseId: string, timers: readonly Timer[]): Promise<void> {
    for (const t of timers) await this.queue.remove(timerJobId(caseId, t));
  }

  /**
   * For changes that happened in a request: the request does not wait for
   * Redis. If Redis is away, the reconciler sets the timer later.
   */
  setManySoon(timers: ReadonlyArray<{ caseId: string; timer: Timer }>): void {
    this.track(this.setMany(timers), `timers of ${timers.length} case(s) not set yet`);
  }

  clearSoon(caseId: string, timers: readonly Timer[]): void {
    this.track(this.clear(caseId, timers), `timers of case ${caseId} not cleared yet`);
  }

  /** Which of these job ids Redis holds, one command for the lot. */
  async existing(jobIds: readonly string[]): Promise<boolean[]> {
    if (jobIds.length === 0) return [];
    // A pipeline of an EXISTS per job costs Node more than Redis (a million of them in a restore): one script asks them all.
    const flags = (await (await this.client()).eval(EXISTS_EACH, jobIds.length, ...jobIds.map((id) => this.queue.toKey(id)))) as number[];
    return flags.map((n) => n === 1);
  }

  /** Failed jobs (out of attempts) among these ids: the reconciler gives them another go. */
  async failed(jobIds: readonly string[]): Promise<boolean[]> {
    if (jobIds.length === 0) return [];
    const scores = await (await this.client()).zmscore(this.queue.toKey('failed'), ...jobIds);
    return scores.map((score) => score !== null);
  }

  /** BullMQ types its client narrowly; it is an ioredis client. */
  private async client(): Promise<Redis> {
    return (await this.queue.client) as unknown as Redis;
  }

  async retryFailed(jobId: string): Promise<void> {
    const job = await this.queue.getJob(jobId);
    if (job && (await job.isFailed())) await job.retry('failed');
  }

  private track(p: Promise<unknown>, warning: string): void {
    const tracked = p
      .catch((err) => this.logger.warn(`${warning}: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}
