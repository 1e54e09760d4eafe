import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isOpen } from '../cases';
import { addDays, bangkokIsoDate, bangkokMidnight } from '../calendar/working-days';
import { MailTemplates } from '../notifications/mail-templates';
import type { NoticeRenderer, OutboxNotice, RenderedNotice } from '../notifications/notice';
import { DeadlineMailsRepository } from './deadline-mails.repository';
import { renderDeadlineNotice } from './templates/deadline-notice';
import { renderDigest } from './templates/digest';
import { renderStaffDeadline, StaffDeadlineKind } from './templates/staff-deadline';

const STAFF_KINDS: Record<string, StaffDeadlineKind> = {
  deadline_reminder: 'reminder',
  deadline_escalation: 'escalation',
  deadline_executive: 'executive',
};

/**
 * The deadline engine's mails, built from the database when they are sent:
 * one whose case was resolved in the meantime is not sent at all (the
 * outbox marks it cancelled), and a reminder that would arrive after the
 * deadline is not sent either.
 */
@Injectable()
export class DeadlineMailsRenderer implements NoticeRenderer, OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly templates: MailTemplates,
    private readonly rows: DeadlineMailsRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.templates.register(['deadline_notice', 'deadline_reminder', 'deadline_escalation', 'deadline_executive', 'deadline_digest'], this);
  }

  async render(n: OutboxNotice): Promise<RenderedNotice | null> {
    const organisation = { th: this.config.organisation.nameTh, en: this.config.organisation.nameEn };
    if (n.template === 'deadline_notice') {
      const row = n.eventId ? await this.rows.notice(n.eventId) : null;
      if (!row || !isOpen(row.status)) return null;
      const trackUrl = `${this.config.publicBaseUrl}/track?code=${row.trackingCode}`;
      const division = row.divisionTh ? { th: row.divisionTh, en: row.divisionEn ?? row.divisionTh } : null;
      const explanation = row.explainedAt ? { at: row.explainedAt, message: row.explanation, expectedAt: row.expectedAt } : null;
      return { to: n.recipient, mail: renderDeadlineNotice({ ...row, division, explanation, trackUrl, organisation }, n.locale) };
    }
    if (n.template === 'deadline_digest') return this.digest(n, organisation);
    const kind = STAFF_KINDS[n.template];
    const row = kind && n.caseId ? await this.rows.staffCase(n.caseId) : null;
    if (!row || !isOpen(row.status)) return null;
    if (kind === 'reminder' && this.clock.now() >= row.dueAt) return null;
    const department = row.departmentTh ? { th: row.departmentTh, en: row.departmentEn ?? row.departmentTh } : null;
    return {
      to: n.recipient,
      mail: renderStaffDeadline({ ...row, kind, caseKind: row.kind, department, organisation }, n.locale),
    };
  }

  private async digest(n: OutboxNotice, organisation: { th: string; en: string }): Promise<RenderedNotice | null> {
    const reader = n.userId ? await this.rows.digestReader(n.userId) : null;
    if (!reader) return null;
    const now = this.clock.now();
    const today = bangkokIsoDate(now);
    const departmentId = reader.role === 'head' ? reader.departmentId : null;
    const sections = await this.rows.digest(departmentId, now, bangkokMidnight(addDays(today, 1)), bangkokMidnight(addDays(today, 4)));
    const scope = departmentId && reader.departmentTh ? { th: reader.departmentTh, en: reader.departmentEn ?? reader.departmentTh } : null;
    return { to: n.recipient, mail: renderDigest({ date: now, scope, ...sections, organisation }, n.locale) };
  }
}
