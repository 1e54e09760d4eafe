import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { Dispatch, dispatchJob } from '../../jobs/dispatch-job';
import { QUEUES } from '../../jobs/job-catalogue';
import { Schedules } from '../../jobs/schedules';
import { closeWorkerWithin, STALLS_ALLOWED } from '../../jobs/worker-shutdown';
import { Metrics } from '../metrics/metrics';
import { NotificationsService, WaitForEarlierNotice } from './notifications.service';

const RECONCILE_EVERY_MS = 5 * 60_000;
/** How long a notice waits before looking again whether the one before it has gone. */
const WAIT_FOR_EARLIER_MS = 1_000;

@Processor(QUEUES.notifications, { concurrency: 5, maxStalledCount: STALLS_ALLOWED })
export class NotificationsProcessor
  extends WorkerHost
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(NotificationsProcessor.name);
  private readonly dispatch: Dispatch<typeof QUEUES.notifications>;
  private readonly schedules: Schedules;
  private startup?: Promise<unknown>;

  constructor(
    private readonly notifications: NotificationsService,
    @InjectQueue(QUEUES.notifications) queue: Queue,
    private readonly metrics: Metrics,
  ) {
    super();
    this.dispatch = {
      queue: QUEUES.notifications,
      handlers: {
        'notification.send': ({ notificationId }) => this.notifications.deliver(notificationId),
        'notification.reconcile': async () => {
          await this.notifications.reconcile();
        },
      },
      failures: this.metrics.jobFailures,
      // Back in line without spending an attempt: order is kept, retries are not used up.
      postponeFor: (err) => (err instanceof WaitForEarlierNotice ? WAIT_FOR_EARLIER_MS : null),
    };
    this.schedules = new Schedules(queue, [{ name: 'notification.reconcile', everyMs: RECONCILE_EVERY_MS }], () =>
      this.notifications.reconcile(0),
    );
  }

  async onModuleInit(): Promise<void> {
    await this.schedules.start();
  }

  /** Rows a crashed process committed and never queued go at once, not at the first scheduled round. */
  onApplicationBootstrap(): void {
    this.startup = this.notifications.reconcile(0).catch((err) => this.logger.warn(`start-up outbox reconcile failed: ${String(err)}`));
  }

  /** A mail being sent gets a bounded time to finish; one cut short is sent again by its job's retry. */
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
