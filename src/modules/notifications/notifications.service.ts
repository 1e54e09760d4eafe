import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue, UnrecoverableError } from 'bullmq';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { JobName, PayloadOf, QUEUES } from '../../jobs/job-catalogue';
import { describeMailError, isPermanentMailError, MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { NotificationsRepository, OutboxEntry } from './notifications.repository';
import { Notification } from './notification.entity';
import { RenderedMail, renderAcknowledgement, renderAssignment, renderCaseUpdate } from './templates';
import { isComplainantAction } from './templates/case-update';

const STALE_AFTER_MS = 2 * 60_000;
const GIVE_UP_AFTER_MS = 7 * 24 * 60 * 60_000;
const RECONCILE_BATCH = 500;

export function sendJobId(notificationId: string): string {
  return `notification-${notificationId}`;
}

@Injectable()
export class NotificationsService implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly outbox: NotificationsRepository,
  ) {}

  /** Writes the outbox row inside the caller's transaction; nothing is sent yet. */
  addToOutbox(m: EntityManager, entry: OutboxEntry): Promise<string> {
    return this.outbox.insert(m, entry);
  }

  /**
   * After commit: hands the rows to the queue without making the caller
   * wait. If Redis is away the row stays pending and the reconciler queues it.
   */
  dispatch(notificationIds: string[]): void {
    for (const id of notificationIds) {
      const p = this.enqueueSend(id)
        .catch((err) => this.logger.warn(`notification ${id} not queued yet: ${describeMailError(err)}`))
        .finally(() => this.inFlight.delete(p));
      this.inFlight.add(p);
    }
  }

  private async enqueueSend(notificationId: string): Promise<void> {
    const name: JobName = 'notification.send';
    const payload: PayloadOf<'notification.send'> = { notificationId };
    await this.queue.add(name, payload, {
      jobId: sendJobId(notificationId),
      attempts: this.config.mail.maxAttempts,
      backoff: { type: 'exponential', delay: this.config.mail.retryDelayMs },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
  }

  /** The job handler: idempotent, it re-reads the outbox and does nothing for a row already settled. */
  async deliver(notificationId: string): Promise<void> {
    const n = await this.outbox.findPending(notificationId);
    if (!n) return;
    const mail = await this.render(n);
    if (!mail) {
      await this.outbox.recordFailure(n.id, 'nothing to send: the case no longer qualifies', true);
      return;
    }
    try {
      await this.transport.sendMail({
        from: this.config.mail.from,
        to: n.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // Stable across retries, so a mail client can drop a duplicate.
        messageId: `<${n.id}@${new URL(this.config.publicBaseUrl).hostname}>`,
      });
    } catch (err) {
      const permanent = isPermanentMailError(err);
      await this.outbox.recordFailure(n.id, describeMailError(err), permanent);
      this.logger.warn(`notification ${n.id} failed (${permanent ? 'permanent' : 'will retry'}): ${describeMailError(err)}`);
      throw permanent ? new UnrecoverableError(describeMailError(err)) : err;
    }
    await this.outbox.markSent(n.id);
  }

  /** Builds the message from what the database says now, so a retried job never sends stale text. */
  private async render(n: Notification): Promise<RenderedMail | null> {
    const organisation = { th: this.config.organisation.nameTh, en: this.config.organisation.nameEn };
    const trackUrl = (code: string) => `${this.config.publicBaseUrl}/track?code=${code}`;
    switch (n.template) {
      case 'acknowledgement': {
        const row = n.caseId ? await this.outbox.loadAcknowledgement(n.caseId) : null;
        return row && renderAcknowledgement({ ...row, trackUrl: trackUrl(row.trackingCode), organisation }, n.locale);
      }
      case 'case_update': {
        const row = n.eventId ? await this.outbox.loadCaseUpdate(n.eventId) : null;
        if (!row || !isComplainantAction(row.action)) return null;
        return renderCaseUpdate(
          { ...row, action: row.action, trackUrl: trackUrl(row.trackingCode), organisation },
          n.locale,
        );
      }
      case 'assignment': {
        const row = n.eventId ? await this.outbox.loadAssignment(n.eventId) : null;
        return (
          row &&
          renderAssignment(
            {
              ...row,
              shared: row.action === 'share',
              organisation,
            },
            n.locale,
          )
        );
      }
    }
  }

  /**
   * The periodic repair: pending rows whose job vanished (Redis lost, enqueue
   * failed) are queued again, and jobs that ran out of retries while the mail
   * server was down are retried. Returns how many it touched.
   */
  async reconcile(now = new Date()): Promise<number> {
    const expired = await this.outbox.expirePending(new Date(now.getTime() - GIVE_UP_AFTER_MS));
    if (expired) this.logger.error(`${expired} notifications gave up after 7 days of failures`);
    const ids = await this.outbox.findStalePending(new Date(now.getTime() - STALE_AFTER_MS), RECONCILE_BATCH);
    let touched = 0;
    for (const id of ids) {
      const job = await this.queue.getJob(sendJobId(id));
      const state = job ? await job.getState() : 'unknown';
      if (!job || state === 'unknown' || state === 'completed') {
        if (job) await job.remove();
        await this.enqueueSend(id);
        touched++;
      } else if (state === 'failed') {
        await job.retry('failed');
        touched++;
      }
    }
    return touched;
  }

  async scheduleReconciler(everyMs: number): Promise<void> {
    await this.queue.upsertJobScheduler(
      'notification.reconcile',
      { every: everyMs },
      { name: 'notification.reconcile', data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}
