import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Notification } from './notification.entity';
import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { QUEUES } from '../../jobs/job-catalogue';
import { createMailTransport, MAIL_TRANSPORT, MailTransport } from './mail-transport';
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
      imports: [TypeOrmModule.forFeature([Notification]), BullModule.registerQueue({ name: QUEUES.notifications })],
      providers: [
        {
          provide: MAIL_TRANSPORT,
          useFactory: () => createMailTransport(options.smtpUrl),
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
