import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import type { Locale } from '../../common/time/thai-calendar';
import { GroupCommit } from '../../database/group-commit';
import type { ReceivedUpload } from '../attachments/attachment-rules';
import { AttachmentsService, CheckedFile, CheckResult, CITIZEN_UPLOADER, UploadReader } from '../attachments/attachments.service';
import { CaseRegistrationService, RegisteredCase } from '../cases';
import { ActiveCategories } from '../categories/active-categories';
import { Category } from '../categories/category.entity';
import { FileComplaintDto } from './dto/file-complaint.dto';

/** A citizen's own filing, from the web form or the public API. */
@Injectable()
export class IntakeService {
  constructor(
    private readonly categories: ActiveCategories,
    private readonly registration: CaseRegistrationService,
    private readonly attachments: AttachmentsService,
    private readonly groupCommit: GroupCommit,
    private readonly clock: Clock,
  ) {}

  /** The web form's body; its files are streamed into storage, to be checked, then filed or discarded. */
  receiveForm(read: UploadReader): Promise<ReceivedUpload> {
    return this.attachments.receive(read);
  }

  /** Files that came with the web form, checked by content; optional there. */
  checkAttachments(upload: ReceivedUpload): Promise<CheckResult> {
    return this.attachments.check(upload, { required: false });
  }

  /** Checked files of a form that is shown again for its text: they were not filed. */
  discardAttachments(files: CheckedFile[]): Promise<void> {
    return this.attachments.discard(files);
  }

  /**
   * A straight line: the files are already in storage; the case and their
   * rows are written together (committed with the filings that arrive at
   * the same moment: see `GroupCommit`), and the files are removed if
   * filing fails (the category check included).
   */
  async fileComplaint(dto: FileComplaintDto, locale: Locale, files: CheckedFile[] = []): Promise<RegisteredCase> {
    const now = this.clock.now();
    return this.attachments.withCheckedFiles(files, async () => {
      const category = await this.categoryOf(dto);
      return this.groupCommit.run(async (tx) => {
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
        await this.attachments.recordIn(tx, filed.id, files, CITIZEN_UPLOADER);
        return filed;
      });
    });
  }

  private async categoryOf(dto: FileComplaintDto): Promise<Category | null> {
    if (!dto.categoryCode) return null;
    const category = await this.categories.byCode(dto.categoryCode, 'general');
    if (!category) {
      throw DomainError.validation([
        { field: 'categoryCode', code: 'unknownCategory', message: 'categoryCode is not a known category' },
      ]);
    }
    return category;
  }

  listCategories() {
    return this.categories.list('general');
  }
}
