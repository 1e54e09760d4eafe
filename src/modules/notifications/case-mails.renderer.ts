import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { tellsComplainant } from '../cases';
import { SettingsService } from '../settings/settings.service';
import { CaseMailsRepository } from './case-mails.repository';
import { MailTemplates } from './mail-templates';
import type { NoticeRenderer, OutboxNotice, RenderedNotice } from './notice';
import { renderAcknowledgement, renderAssignment, renderCaseUpdate } from './templates';

/** The mails of the general workflow: to the complainant, and to staff who receive a case. */
@Injectable()
export class CaseMailsRenderer implements NoticeRenderer, OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly templates: MailTemplates,
    private readonly rows: CaseMailsRepository,
    private readonly settings: SettingsService,
  ) {}

  onModuleInit(): void {
    this.templates.register(['acknowledgement', 'case_update', 'assignment'], this);
  }

  async render(n: OutboxNotice): Promise<RenderedNotice | null> {
    const org = await this.settings.get('organisation');
    const organisation = { th: org.nameTh, en: org.nameEn };
    // The mail holds the code already, so the link may too: one tap opens the case.
    const trackUrl = (code: string) => `${this.config.publicBaseUrl}/track?code=${code}`;
    const to = n.recipient;
    switch (n.template) {
      case 'acknowledgement': {
        const row = n.caseId ? await this.rows.acknowledgement(n.caseId) : null;
        return row && { to, mail: renderAcknowledgement({ ...row, trackUrl: trackUrl(row.trackingCode), organisation }, n.locale) };
      }
      case 'case_update': {
        const row = n.eventId ? await this.rows.caseUpdate(n.eventId) : null;
        if (!row || !tellsComplainant(row.action)) return null;
        return { to, mail: renderCaseUpdate({ ...row, action: row.action, trackUrl: trackUrl(row.trackingCode), organisation }, n.locale) };
      }
      case 'assignment': {
        const row = n.eventId ? await this.rows.assignment(n.eventId) : null;
        return row && { to, mail: renderAssignment({ ...row, shared: row.action === 'share', organisation }, n.locale) };
      }
      default:
        return null;
    }
  }
}
