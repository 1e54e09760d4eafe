import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Tx } from '../../database/transactions';
import { CaseChange, CaseChanges, CaseChangeSubscriber, tellsComplainant } from '../cases';
import type { Notice } from './notice';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** What the complainant is sent for a change, if anything: the acknowledgement, or the updates the workflow table marks. */
function complainantTemplate(change: CaseChange): Notice['template'] | null {
  if (change.action === 'receive') return 'acknowledgement';
  return tellsComplainant(change.action) ? 'case_update' : null;
}

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

  /** The complainants' addresses in one query for the batch (a group's registrations), then one outbox INSERT. */
  async onCaseChanges(changes: readonly CaseChange[], tx: Tx): Promise<void> {
    const general = changes.filter((change) => change.case.kind === 'general');
    if (general.length === 0) return;
    const told = general.filter((change) => complainantTemplate(change) && change.case.complainantId);
    const emails = await this.outbox.complainantEmails(tx.manager, told.map((change) => change.case.complainantId!));
    const notices: Notice[] = [];
    for (const change of general) {
      const template = complainantTemplate(change);
      const email = change.case.complainantId ? emails.get(change.case.complainantId) : undefined;
      if (template && email) notices.push({ template, caseId: change.case.id, eventId: change.eventId, recipient: email, locale: change.case.locale });
      notices.push(...(await this.toStaff(change, tx)));
    }
    await this.notifications.enqueue(tx, notices);
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
