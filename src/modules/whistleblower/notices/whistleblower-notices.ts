import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import type { Tx } from '../../../database/transactions';
import { CaseChange, CaseChanges, CaseChangeSubscriber } from '../../cases';
import { MailTemplates } from '../../notifications/mail-templates';
import type { NoticeRenderer, OutboxNotice, RenderedNotice } from '../../notifications/notice';
import { NotificationsService } from '../../notifications/notifications.service';
import { IdentityVault } from '../vault/identity-vault.service';
import { WHISTLEBLOWER_ROLE, WhistleblowerRepository } from '../whistleblower.repository';
import { renderNewsMail } from './news-mail';

/** The outbox row's recipient: a pointer into the vault, resolved when the mail is sent; never an address. */
const VAULT_RECIPIENT = 'vault:';

/**
 * Tells a whistleblower who left an email that there is news: a public step
 * on their report, or a message from the integrity officer. The outbox
 * keeps no address (the recipient is the case's vault entry, opened at send
 * time), and the mail says nothing about the report.
 */
@Injectable()
export class WhistleblowerNotices implements CaseChangeSubscriber, NoticeRenderer, OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly changes: CaseChanges,
    private readonly templates: MailTemplates,
    private readonly notifications: NotificationsService,
    private readonly vault: IdentityVault,
    private readonly reports: WhistleblowerRepository,
  ) {}

  onModuleInit(): void {
    this.changes.subscribe('whistleblower-notices', this);
    this.templates.register(['whistleblower_news'], this);
  }

  async onCaseChanges(changes: readonly CaseChange[], tx: Tx): Promise<void> {
    for (const change of changes) await this.tellReporter(change, tx);
  }

  private async tellReporter(change: CaseChange, tx: Tx): Promise<void> {
    if (change.case.kind !== 'corruption' || change.actor.role === WHISTLEBLOWER_ROLE) return;
    const news = change.action === 'message' || (change.public && change.action !== 'receive');
    if (!news || !(await this.reports.isOnlineReport(tx.manager, change.case.id))) return;
    const identity = await this.vault.open(change.case.id, tx);
    if (!identity?.email) return;
    await this.notifications.enqueue(tx, [
      {
        template: 'whistleblower_news',
        caseId: change.case.id,
        eventId: change.eventId,
        recipient: `${VAULT_RECIPIENT}${change.case.id}`,
        locale: change.case.locale,
      },
    ]);
  }

  async render(n: OutboxNotice): Promise<RenderedNotice | null> {
    if (!n.caseId || n.recipient !== `${VAULT_RECIPIENT}${n.caseId}`) return null;
    const email = (await this.vault.open(n.caseId))?.email;
    return email ? { to: email, mail: renderNewsMail(`${this.config.publicBaseUrl}/report/follow-up`, n.locale) } : null;
  }
}
