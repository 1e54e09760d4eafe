import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUES } from '../../jobs/job-catalogue';
import { CasesModule } from '../cases/cases.module';
import { SettingsModule } from '../settings/settings.module';
import { CaseMailsRenderer } from './case-mails.renderer';
import { CaseMailsRepository } from './case-mails.repository';
import { CaseNoticesSubscriber } from './case-notices.subscriber';
import { createMailTransport, MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { AuditModule } from '../audit/audit.module';
import { FailedNotificationsController } from './failed-notifications.controller';
import { FailedNotificationsRepository } from './failed-notifications.repository';
import { FailedNotificationsService } from './failed-notifications.service';
import { MailTemplates } from './mail-templates';
import { Notification } from './notification.entity';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

@Module({})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}

  /**
   * `workers: false` for an HTTP-only process: it queues mail but never
   * sends it. The SMTP URL (it may carry a password) is handed to this module alone.
   */
  static forRoot(options: { workers: boolean; smtpUrl: string }): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      imports: [
        TypeOrmModule.forFeature([Notification]),
        BullModule.registerQueue({ name: QUEUES.notifications }),
        CasesModule,
        SettingsModule,
        AuditModule,
      ],
      controllers: [FailedNotificationsController],
      providers: [
        {
          provide: MAIL_TRANSPORT,
          useFactory: () => createMailTransport(options.smtpUrl),
        },
        CaseMailsRenderer,
        CaseMailsRepository,
        CaseNoticesSubscriber,
        FailedNotificationsRepository,
        FailedNotificationsService,
        MailTemplates,
        NotificationsRepository,
        NotificationsService,
        ...(options.workers ? [NotificationsProcessor] : []),
      ],
      exports: [NotificationsService, MailTemplates, FailedNotificationsService],
    };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
