import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { QUEUES } from '../../jobs/job-catalogue';
import { createMailTransport, MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

@Module({})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}

  /** `workers: false` for an HTTP-only process: it queues mail but never sends it. */
  static forRoot(options: { workers: boolean }): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      imports: [BullModule.registerQueue({ name: QUEUES.notifications })],
      providers: [
        {
          provide: MAIL_TRANSPORT,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => createMailTransport(config.mail.smtpUrl),
        },
        NotificationsRepository,
        NotificationsService,
        ...(options.workers ? [NotificationsProcessor] : []),
      ],
      exports: [NotificationsService],
    };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
