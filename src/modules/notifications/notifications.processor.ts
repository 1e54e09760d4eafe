import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnModuleInit } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobHandlers, JobsOf, QUEUES } from '../../jobs/job-catalogue';
import { NotificationsService } from './notifications.service';

const RECONCILE_EVERY_MS = 5 * 60_000;

@Processor(QUEUES.notifications, { concurrency: 5 })
export class NotificationsProcessor extends WorkerHost implements OnModuleInit {
  private readonly handlers: JobHandlers<typeof QUEUES.notifications> = {
    'notification.send': ({ notificationId }) => this.notifications.deliver(notificationId),
    'notification.reconcile': async () => {
      await this.notifications.reconcile();
    },
  };

  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  async onModuleInit(): Promise<void> {
    await this.notifications.scheduleReconciler(RECONCILE_EVERY_MS);
  }

  async process(job: Job): Promise<void> {
    const handler = this.handlers[job.name as JobsOf<typeof QUEUES.notifications>];
    if (!handler) throw new Error(`no handler for job ${job.name} on ${QUEUES.notifications}`);
    await handler(job.data, { made: job.attemptsMade, max: job.opts.attempts ?? 1 });
  }
}
