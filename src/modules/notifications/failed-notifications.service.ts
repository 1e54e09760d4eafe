import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { decodeCursor, encodeCursor } from '../../common/pagination/keyset-cursor';
import { Clock } from '../../common/time/clock';
import { Transactions } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { StaffUser } from '../auth/staff-user';
import { isUuid } from '../cases';
import type { FailedNotificationListDto, RetriedNotificationDto } from './dto/failed-notification.dto';
import { FailedNotificationsRepository } from './failed-notifications.repository';
import { NotificationsService } from './notifications.service';

const DEFAULT_LIMIT = 50;

/** `somchai@example.com` → `s******@example.com`: the administrator recognises it, nobody copies it. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}${'*'.repeat(Math.max(3, at - 1))}${address.slice(at)}`;
}

/**
 * The visible end of "mail is delayed, never dropped": a mail that gave up
 * (refused for good, or still failing after a week) is listed for the
 * administrator, who can put it back in line once the cause is fixed.
 */
@Injectable()
export class FailedNotificationsService {
  constructor(
    private readonly failed: FailedNotificationsRepository,
    private readonly notifications: NotificationsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async page(limit = DEFAULT_LIMIT, cursor?: string): Promise<FailedNotificationListDto> {
    const rows = await this.failed.findPage(limit + 1, cursor ? decodeCursor(cursor) : undefined);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(({ cursorValue: _position, recipient, ...r }) => ({ ...r, recipient: maskAddress(recipient) })),
      nextCursor: rows.length > limit && last ? encodeCursor({ value: last.cursorValue, id: last.id }) : null,
    };
  }

  async retry(actor: StaffUser, id: string): Promise<RetriedNotificationDto> {
    if (!isUuid(id)) throw DomainError.notFound('Failed notification');
    await this.transactions.run(async (tx) => {
      const row = await this.failed.requeue(tx.manager, id, this.clock.now());
      if (!row) throw DomainError.notFound('Failed notification');
      await this.audit.record(
        {
          action: 'notification_retry',
          actor: { id: actor.id, role: actor.role },
          ...(row.caseId ? { caseId: row.caseId } : {}),
          details: { notificationId: row.id, template: row.template },
        },
        tx,
      );
      tx.afterCommit(() => this.notifications.redispatch(row.id));
    });
    return { id, status: 'pending' };
  }
}
