import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Transactions, Tx } from '../../database/transactions';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import type { StaffUser } from '../auth/staff-user';
import { CaseAccessService, CaseTimeline, isUuid, requireTrackingCode, SETTLED_STATUSES } from '../cases';
import {
  countAndSizeProblems,
  describeProblem,
  FileProblem,
  MAX_CITIZEN_FILES_PER_CASE,
  ReceivedUpload,
} from './attachment-rules';
import {
  AttachmentsRepository,
  AttachmentView,
  CITIZEN_ROLE,
  CitizenCase,
  NewAttachmentRow,
  StoredAttachment,
  Uploader,
} from './attachments.repository';
import { detectAcceptedType } from './content-type';
import { downloadFileName } from './file-name';
import { ATTACHMENT_STORAGE, AttachmentStorage, newStorageKey } from './storage/attachment-storage';

/** A file that passed every rule, ready to store. */
export interface CheckedFile {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  data: Buffer;
}

export type CheckResult = { files: CheckedFile[]; problems: [] } | { files: null; problems: FileProblem[] };

/** Reads the request body only when called: nothing is read for a case the caller may not touch. */
export type UploadReader = () => Promise<ReceivedUpload>;

/** Bytes already in storage, waiting for their rows. */
export type StoredFiles = NewAttachmentRow[];

export const CITIZEN_UPLOADER: Uploader = { id: null, role: CITIZEN_ROLE };

/**
 * The rules of attachments: what may be attached, by whom, and that bytes
 * and rows stand or fall together (bytes first, then the rows in one
 * transaction; the bytes are removed again if the rows are not written).
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);

  constructor(
    private readonly transactions: Transactions,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    private readonly attachments: AttachmentsRepository,
    private readonly access: CaseAccessService,
    private readonly timeline: CaseTimeline,
  ) {}

  async uploadByStaff(user: StaffUser, caseId: string, read: UploadReader): Promise<AttachmentView[]> {
    const found = await this.access.findVisible(user, caseId);
    const files = await this.checkOrThrow(await read());
    const by: Uploader = { id: user.id, role: user.role };
    return this.storeThenRecord(files, (tx, rows) => this.recordIn(tx, found.id, rows, by));
  }

  async listForStaff(user: StaffUser, caseId: string): Promise<AttachmentView[]> {
    const found = await this.access.findVisible(user, caseId);
    return this.attachments.listByCase(found.id);
  }

  async openForStaff(
    user: StaffUser,
    caseId: string,
    attachmentId: string,
  ): Promise<{ attachment: StoredAttachment; content: Readable }> {
    const found = await this.access.findVisible(user, caseId);
    const attachment = isUuid(attachmentId) ? await this.attachments.findInCase(found.id, attachmentId) : null;
    if (!attachment) throw DomainError.notFound('Attachment');
    return { attachment, content: await this.storage.openForRead(attachment.storageKey) };
  }

  /** A complainant adding files to their own open case, with the tracking code as the key. */
  async uploadByCitizen(rawCode: string, read: UploadReader): Promise<AttachmentView[]> {
    const code = requireTrackingCode(rawCode);
    const target = await this.attachments.findCitizenCase(code);
    if (!target) throw DomainError.notFound('Complaint');
    // Checked before the body is read, and again under the lock once it has been.
    this.assertCitizenMayAdd(target, await this.attachments.countByRole(target.id, CITIZEN_ROLE), 1);
    const files = await this.checkOrThrow(await read());
    return this.storeThenRecord(files, async (tx, rows) => {
      const locked = await this.attachments.lockCase(tx.manager, target.id);
      this.assertCitizenMayAdd(locked, await this.attachments.countByRole(target.id, CITIZEN_ROLE, tx.manager), rows.length);
      return this.recordIn(tx, target.id, rows, CITIZEN_UPLOADER);
    });
  }

  /**
   * Files sent with a new complaint: the bytes are stored first, then
   * `work` writes the case and the files' rows in one transaction; if it
   * fails, the bytes are removed again.
   */
  async withStoredFiles<T>(files: CheckedFile[], work: (stored: StoredFiles) => Promise<T>): Promise<T> {
    const stored = await this.storeAll(files);
    try {
      return await work(stored);
    } catch (err) {
      await this.discard(stored);
      throw err;
    }
  }

  /** The rows of stored files, and their line on the case's timeline, in the caller's transaction. */
  async recordIn(tx: Tx, caseId: string, stored: StoredFiles, by: Uploader): Promise<AttachmentView[]> {
    if (stored.length === 0) return [];
    const added = await this.attachments.insertMany(tx.manager, caseId, stored, by);
    const status = (await this.attachments.lockCase(tx.manager, caseId)).status;
    await this.timeline.record(tx, caseId, {
      action: 'attach',
      fromStatus: status,
      toStatus: status,
      public: false,
      message: added.map((a) => a.fileName).join(', '),
      actor: { id: by.id, role: by.role },
    });
    return added;
  }

  /** Every rule a file must pass, the content sniffed whatever its name or declared type claims. */
  async check(upload: ReceivedUpload, required = true): Promise<CheckResult> {
    const problems = countAndSizeProblems(upload, required);
    const files: CheckedFile[] = [];
    for (const f of upload.files) {
      if (f.tooLarge || f.data.length === 0) continue;
      const type = await detectAcceptedType(f.data);
      if (!type) {
        problems.push({ field: 'files', code: 'fileType', fileName: f.fileName });
        continue;
      }
      files.push({
        fileName: downloadFileName(f.fileName, type),
        mediaType: type.mediaType,
        sizeBytes: f.data.length,
        sha256: createHash('sha256').update(f.data).digest('hex'),
        data: f.data,
      });
    }
    return problems.length ? { files: null, problems } : { files, problems: [] };
  }

  private async checkOrThrow(upload: ReceivedUpload): Promise<CheckedFile[]> {
    const result = await this.check(upload);
    if (result.files) return result.files;
    throw uploadError(result.problems);
  }

  private assertCitizenMayAdd(target: CitizenCase, existing: number, adding: number): void {
    if (SETTLED_STATUSES.has(target.status)) {
      throw new DomainError(ErrorCode.Conflict, `Files can no longer be added: the complaint is ${target.status}`);
    }
    if (existing + adding > MAX_CITIZEN_FILES_PER_CASE) {
      const left = Math.max(0, MAX_CITIZEN_FILES_PER_CASE - existing);
      throw new DomainError(
        ErrorCode.Conflict,
        `A complaint may have at most ${MAX_CITIZEN_FILES_PER_CASE} files from the complainant; ${left} more can be added`,
      );
    }
  }

  private storeThenRecord(
    files: CheckedFile[],
    record: (tx: Tx, stored: StoredFiles) => Promise<AttachmentView[]>,
  ): Promise<AttachmentView[]> {
    return this.withStoredFiles(files, (stored) => this.transactions.run((tx) => record(tx, stored)));
  }

  private async storeAll(files: CheckedFile[]): Promise<NewAttachmentRow[]> {
    const rows: NewAttachmentRow[] = [];
    try {
      for (const f of files) {
        const storageKey = newStorageKey();
        await this.storage.put(storageKey, f.data);
        rows.push({ storageKey, fileName: f.fileName, mediaType: f.mediaType, sizeBytes: f.sizeBytes, sha256: f.sha256 });
      }
      return rows;
    } catch (err) {
      await this.discard(rows);
      throw err;
    }
  }

  private async discard(rows: NewAttachmentRow[]): Promise<void> {
    for (const r of rows) {
      try {
        await this.storage.delete(r.storageKey);
      } catch (err) {
        // The request has failed already; an orphaned object is only wasted space.
        this.logger.warn(`could not remove stored attachment ${r.storageKey}: ${(err as Error).message}`);
      }
    }
  }
}

/** Over-size answers 413 (the client must send less); every other problem 400 with the field named. */
export function uploadError(problems: FileProblem[]): Error {
  const tooLarge = problems.filter((p) => p.code === 'fileTooLarge');
  if (tooLarge.length) {
    return new HttpException(tooLarge.map((p) => describeProblem(p).message).join('; '), HttpStatus.PAYLOAD_TOO_LARGE);
  }
  return DomainError.validation(problems.map(describeProblem));
}
