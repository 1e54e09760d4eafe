import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue, UnrecoverableError } from 'bullmq';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { Tx } from '../../database/transactions';
import { JobName, PayloadOf, QUEUES } from '../../jobs/job-catalogue';
import { describeMailError, isPermanentMailError, MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { MailTemplates } from './mail-templates';
import type { Notice } from './notice';
import { NotificationsRepository, SentMark, StalePending } from './notifications.repository';

const STALE_AFTER_MS = 2 * 60_000;
const GIVE_UP_AFTER_MS = 7 * 24 * 60 * 60_000;
const RECONCILE_BATCH = 500;
/** How long a sent mail's mark is retried while Postgres is away, and how often. */
const MARK_SENT_PATIENCE_MS = 60_000;
const MARK_SENT_RETRY_MS = 500;

export function sendJobId(notificationId: string): string {
  return `notification-${notificationId}`;
}

/** Thrown by `deliver` when an earlier notice to the same person about the same case has not gone yet. */
export class WaitForEarlierNotice extends Error {
  constructor() {
    super('an earlier notice of this case to this recipient is still pending');
  }
}

/**
 * The outbox: a notice is a row written in the transaction of the change it
 * announces, a job keyed by that row after commit, a handler that re-reads
 * the row and does nothing once it is settled, and a reconciler for what
 * the queue lost.
 */
@Injectable()
export class NotificationsService implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly outbox: NotificationsRepository,
    private readonly templates: MailTemplates,
    private readonly clock: Clock,
  ) {}

  /** Writes the rows in the caller's transaction; their jobs are queued once it commits. */
  async enqueue(tx: Tx, notices: Notice[]): Promise<void> {
    if (notices.length === 0) return;
    const ids = await this.outbox.insertMany(tx.manager, notices);
    if (ids.length) tx.afterCommit(() => this.dispatch(ids));
  }

  /**
   * Hands the rows to the queue without making the caller wait, in one
   * round trip. If Redis is away the rows stay pending and the reconciler
   * queues them.
   */
  dispatch(notificationIds: string[]): void {
    const p = this.queue
      .addBulk(notificationIds.map((id) => this.sendJob(id)))
      .catch((err) => this.logger.warn(`notifications ${notificationIds.join(', ')} not queued yet: ${describeMailError(err)}`))
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /**
   * An administrator put a failed row back in line: its old job (kept as
   * failed, under the same id) goes, so that a new one can take the id.
   */
  redispatch(notificationId: string): void {
    const p = this.queue
      .remove(sendJobId(notificationId))
      .then(() => this.enqueueSend(notificationId))
      .catch((err) => this.logger.warn(`notification ${notificationId} not queued yet: ${describeMailError(err)}`))
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  private async enqueueSend(notificationId: string): Promise<void> {
    const job = this.sendJob(notificationId);
    await this.queue.add(job.name, job.data, job.opts);
  }

  private sendJob(notificationId: string) {
    const name: JobName = 'notification.send';
    const data: PayloadOf<'notification.send'> = { notificationId };
    return {
      name,
      data,
      opts: {
        jobId: sendJobId(notificationId),
        attempts: this.config.mail.maxAttempts,
        backoff: { type: 'exponential' as const, delay: this.config.mail.retryDelayMs },
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: { age: 30 * 24 * 3600 },
      },
    };
  }

  /**
   * The job handler: idempotent, it re-reads the outbox and does nothing for
   * a row already settled. Between the mail server's acceptance and marking
   * the row sent there is nothing but that one UPDATE: the only window in
   * which a crash can repeat a mail, and the stable Message-ID lets mail
   * clients fold such a repeat.
   */
  async deliver(notificationId: string): Promise<void> {
    const n = await this.outbox.findPending(notificationId);
    if (!n) return;
    if (await this.outbox.hasEarlierPending(n)) throw new WaitForEarlierNotice();
    const rendered = await this.templates.rendererOf(n.template).render(n);
    if (!rendered) {
      await this.outbox.cancel(n.id, 'nothing to send: the occasion has passed');
      return;
    }
    const sentMark = await this.outbox.reserveSentMark();
    try {
      try {
        await this.transport.sendMail({
          from: this.config.mail.from,
          to: rendered.to,
          subject: rendered.mail.subject,
          text: rendered.mail.text,
          html: rendered.mail.html,
          messageId: `<${n.id}@${new URL(this.config.publicBaseUrl).hostname}>`,
        });
      } catch (err) {
        const permanent = isPermanentMailError(err);
        await this.outbox.recordFailure(n.id, describeMailError(err), permanent);
        this.logger.warn(`notification ${n.id} failed (${permanent ? 'permanent' : 'will retry'}): ${describeMailError(err)}`);
        throw permanent ? new UnrecoverableError(describeMailError(err)) : err;
      }
      await this.markSent(sentMark, n.id);
    } finally {
      await sentMark.release();
    }
  }

  /**
   * The mail has gone: a failure to record it would send it again on the
   * job's retry, so the mark is tried again while Postgres is away (a
   * restart, a failover), for a bounded time.
   */
  private async markSent(sentMark: SentMark, id: string): Promise<void> {
    const at = this.clock.now();
    try {
      await sentMark.mark(id, at);
      return;
    } catch (err) {
      this.logger.warn(`notification ${id} sent but not marked yet: ${describeMailError(err)}`);
    }
    const giveUpAt = Date.now() + MARK_SENT_PATIENCE_MS;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, MARK_SENT_RETRY_MS));
      try {
        await this.outbox.markSent(id, at);
        return;
      } catch (err) {
        if (Date.now() >= giveUpAt) throw err;
      }
    }
  }

  /**
   * The periodic repair: pending rows whose job vanished (Redis lost, enqueue
   * failed) are queued again, and jobs that ran out of retries while the mail
   * server was down are retried. Returns how many it touched.
   *
   * At a worker's start `staleAfterMs` is 0: a process killed between a
   * commit and its enqueue left rows of any age without a job, and they go
   * now rather than minutes later. Queueing a row whose job another process
   * is adding at the same moment is harmless: the job id is the row's.
   */
  async reconcile(staleAfterMs = STALE_AFTER_MS, batch = RECONCILE_BATCH): Promise<number> {
    const now = this.clock.now();
    const expired = await this.outbox.expirePending(new Date(now.getTime() - GIVE_UP_AFTER_MS));
    if (expired) this.logger.error(`${expired} notifications gave up after 7 days of failures`);
    let touched = 0;
    // Every stale row, page by page: after an outage the backlog can be long, and a row whose job failed
    // behind the first page must not wait for the next round.
    let after: StalePending | undefined;
    for (;;) {
      const rows = await this.outbox.findStalePending(new Date(now.getTime() - staleAfterMs), batch, after);
      for (const { id } of rows) {
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
      if (rows.length < batch) return touched;
      after = rows[rows.length - 1];
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}
