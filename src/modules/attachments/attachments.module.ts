import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CasesModule } from '../cases/cases.module';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';
import { CitizenAttachmentsController } from './citizen-attachments.controller';
import { ContentInspector } from './inspection/content-inspector';
import { ATTACHMENT_STORAGE, AttachmentStorage } from './storage/attachment-storage';
import { createAttachmentStorage } from './storage/storage.factory';

@Module({})
export class AttachmentsModule implements OnApplicationShutdown {
  constructor(@Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage) {}

  /** The S3 secret key, when there is one, is handed to this module alone. */
  static forRoot(secrets: { s3SecretAccessKey?: string }): DynamicModule {
    return {
      module: AttachmentsModule,
      global: true,
      imports: [CasesModule],
      controllers: [AttachmentsController, CitizenAttachmentsController],
      providers: [
        {
          provide: ATTACHMENT_STORAGE,
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => createAttachmentStorage(c.attachments, secrets.s3SecretAccessKey),
        },
        // A pool of worker threads, stopped with the application (its own shutdown hook).
        { provide: ContentInspector, useFactory: () => new ContentInspector() },
        AttachmentsRepository,
        AttachmentsService,
      ],
      // IntakeModule files a complaint with its attachments in one transaction.
      exports: [AttachmentsService],
    };
  }

  onApplicationShutdown(): void {
    (this.storage as { destroy?: () => void }).destroy?.();
  }
}
