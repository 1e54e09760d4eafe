import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { BANGKOK_TZ } from '../../common/time/thai-calendar';
import { Dispatch, dispatchJob } from '../../jobs/dispatch-job';
import { QUEUES } from '../../jobs/job-catalogue';
import { Schedules } from '../../jobs/schedules';
import { closeWorkerWithin, STALLS_ALLOWED } from '../../jobs/worker-shutdown';
import { Metrics } from '../metrics/metrics';
import { DeadlineDigest } from './deadline-digest.service';
import { DeadlineHandlers, TimerTooEarly } from './deadline-handlers.service';
import { DeadlineReconciler } from './deadline-reconciler.service';

/** Redis can lose every timer; this is the longest a lost one goes unnoticed. */
export const RECONCILE_EVERY_MS = 5 * 60_000;
/** 08:00 in Bangkok, every day. */
export const DIGEST_CRON = '0 8 * * *';

/**
 * The deadlines queue: timers, the reconciler, the morning digest. Many
 * timers fall due together (a busy day's filings 15 days later), so jobs
 * run side by side; each takes its case's row lock, so two never step on
 * one case.
 */
@Processor(QUEUES.deadlines, { concurrency: 20, maxStalledCount: STALLS_ALLOWED })
export class DeadlinesProcessor
  extends WorkerHost
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(DeadlinesProcessor.name);
  private readonly dispatch: Dispatch<typeof QUEUES.deadlines>;
  private readonly schedules: Schedules;
  private startup?: Promise<unknown>;

  constructor(
    private readonly timers: DeadlineHandlers,
    private readonly reconciler: DeadlineReconciler,
    private readonly digest: DeadlineDigest,
    @InjectQueue(QUEUES.deadlines) queue: Queue,
    private readonly metrics: Metrics,
  ) {
    super();
    this.dispatch = {
      queue: QUEUES.deadlines,
      handlers: {
        'deadline.timer': (payload) => this.timers.fire(payload),
        'deadline.reconcile': async () => {
          await this.reconciler.reconcile();
        },
        'deadline.digest': async () => {
          await this.digest.send();
        },
      },
      failures: this.metrics.jobFailures,
      // Ran before its moment by the rules' clock: back to wait, without spending an attempt.
      postponeFor: (err) => (err instanceof TimerTooEarly ? err.waitMs : null),
    };
    this.schedules = new Schedules(queue, [
      { name: 'deadline.reconcile', everyMs: RECONCILE_EVERY_MS },
      { name: 'deadline.digest', pattern: DIGEST_CRON, tz: BANGKOK_TZ },
    ], () => this.reconciler.reconcile());
  }

  async onModuleInit(): Promise<void> {
    await this.schedules.start();
  }

  /** Whatever passed while no worker ran is found at once, not at the first scheduled round. */
  onApplicationBootstrap(): void {
    this.startup = this.reconciler.reconcile().catch((err) => this.logger.warn(`start-up reconcile failed: ${String(err)}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.schedules.stop();
    await this.startup;
    await closeWorkerWithin(this.worker, undefined, this.logger);
  }

  onApplicationShutdown(): void {
    this.schedules.stop();
  }

  process(job: Job, token?: string): Promise<void> {
    return dispatchJob(this.dispatch, job, token);
  }
}
