import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Tx } from '../../database/transactions';
import { CaseChange, CaseChanges, CaseChangeSubscriber, tellsComplainant } from '../cases';
import type { Notice } from './notice';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/**
 * Who hears of a general case's changes: the complainant of its
 * registration and of the actions the workflow table marks (R5), staff of
 * the cases given or shared to them. Corruption cases are never told here:
 * the whistleblower channel tells its reporters itself, with nothing in the mail.
 */
@Injectable()
export class CaseNoticesSubscriber implements CaseChangeSubscriber, OnModuleInit {
  constructor(
    private readonly changes: CaseChanges,
    private readonly outbox: NotificationsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.changes.subscribe('case-notices', this);
  }

  async onCaseChange(change: CaseChange, tx: Tx): Promise<void> {
    if (change.case.kind !== 'general') return;
    const notices = [...(await this.toComplainant(change, tx)), ...(await this.toStaff(change, tx))];
    await this.notifications.enqueue(tx, notices);
  }

  private async toComplainant(change: CaseChange, tx: Tx): Promise<Notice[]> {
    const template = change.action === 'receive' ? 'acknowledgement' : tellsComplainant(change.action) ? 'case_update' : null;
    if (!template) return [];
    const email = await this.outbox.complainantEmail(tx.manager, change.case.complainantId);
    return email
      ? [{ template, caseId: change.case.id, eventId: change.eventId, recipient: email, locale: change.case.locale }]
      : [];
  }

  /** The assignee alone when there is one, else the department's officers and head; never the one who acted. */
  private async toStaff(change: CaseChange, tx: Tx): Promise<Notice[]> {
    if ((change.action !== 'assign' && change.action !== 'share') || !change.departmentId) return [];
    const assignee = change.action === 'assign' && change.assigneeId ? await this.outbox.activeUser(tx.manager, change.assigneeId) : null;
    const staff = assignee ? [assignee] : await this.outbox.departmentStaff(tx.manager, change.departmentId);
    return staff
      .filter((s) => s.id !== change.actor.id)
      .map((s) => ({ template: 'assignment', caseId: change.case.id, eventId: change.eventId, userId: s.id, recipient: s.email, locale: 'th' }));
  }
}
