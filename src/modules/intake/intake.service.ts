import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import type { Locale } from '../../common/time/thai-calendar';
import { Transactions } from '../../database/transactions';
import { CategoriesRepository } from '../categories/categories.repository';
import { Category } from '../categories/category.entity';
import { AttachmentsService, CheckedFile, CheckResult, CITIZEN_UPLOADER } from '../attachments/attachments.service';
import type { ReceivedUpload } from '../attachments/attachment-rules';
import { CaseRegistrationService, RegisteredCase } from '../cases';
import { FileComplaintDto } from './dto/file-complaint.dto';

/** A citizen's own filing, from the web form or the public API. */
@Injectable()
export class IntakeService {
  constructor(
    private readonly categories: CategoriesRepository,
    private readonly registration: CaseRegistrationService,
    private readonly attachments: AttachmentsService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Files that came with the web form, checked by content; optional there. */
  checkAttachments(upload: ReceivedUpload): Promise<CheckResult> {
    return this.attachments.check(upload, false);
  }

  /** With `files`, the case and its attachments are written together or not at all. */
  async fileComplaint(dto: FileComplaintDto, locale: Locale, files: CheckedFile[] = []): Promise<RegisteredCase> {
    let category: Category | null = null;
    if (dto.categoryCode) {
      category = await this.categories.findActiveByCode(dto.categoryCode, 'general');
      if (!category) {
        throw DomainError.validation([
          { field: 'categoryCode', code: 'unknownCategory', message: 'categoryCode is not a known category' },
        ]);
      }
    }
    const now = this.clock.now();
    // A straight line: bytes stored, then the case and its files' rows in one transaction.
    return this.attachments.withStoredFiles(files, (stored) =>
      this.transactions.run(async (tx) => {
        const filed = await this.registration.registerIn(tx, {
          kind: 'general',
          channel: 'web',
          receivedAt: now,
          subject: dto.subject,
          description: dto.description,
          categoryId: category?.id ?? null,
          location: dto.location ?? null,
          complainant: {
            anonymous: false,
            name: dto.complainant.name,
            email: dto.complainant.email ?? null,
            phone: dto.complainant.phone ?? null,
            address: dto.complainant.address ?? null,
          },
          consentAt: now,
          letter: null,
          registeredBy: null,
          locale,
        });
        await this.attachments.recordIn(tx, filed.id, stored, CITIZEN_UPLOADER);
        return filed;
      }),
    );
  }

  listCategories() {
    return this.categories.listActive('general');
  }
}
