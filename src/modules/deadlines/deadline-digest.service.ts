import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/time/clock';
import { Transactions } from '../../database/transactions';
import { addDays, bangkokIsoDate, bangkokMidnight } from '../calendar/working-days';
import type { Notice } from '../notifications/notice';
import { NotificationsService } from '../notifications/notifications.service';
import { DeadlineMailsRepository } from './deadline-mails.repository';

/**
 * The 08:00 Bangkok digest: to each department head (their department's
 * cases) and to the centre (every division's), when there is anything due
 * today, within 3 days, or overdue. One per person per Bangkok day, however
 * often the job runs: the date is in the notice's key.
 */
@Injectable()
export class DeadlineDigest {
  constructor(
    private readonly rows: DeadlineMailsRepository,
    private readonly notifications: NotificationsService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async send(): Promise<number> {
    const now = this.clock.now();
    const today = bangkokIsoDate(now);
    const notices: Notice[] = [];
    for (const reader of await this.rows.digestReaders()) {
      const s = await this.rows.digest(reader.departmentId, now, bangkokMidnight(addDays(today, 1)), bangkokMidnight(addDays(today, 4)));
      if (s.overdue.total + s.dueToday.total + s.dueSoon.total === 0) continue;
      notices.push({ template: 'deadline_digest', caseId: null, userId: reader.id, recipient: reader.email, locale: 'th', occasion: `digest-${today}` });
    }
    await this.transactions.run((tx) => this.notifications.enqueue(tx, notices));
    return notices.length;
  }
}
