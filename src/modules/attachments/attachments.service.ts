import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { Transactions, Tx } from '../../database/transactions';
import type { StaffUser } from '../auth/staff-user';
import { CaseAccessService, CaseTimeline, isUuid, requireTrackingCode, SETTLED_STATUSES } from '../cases';
import {
  countAndSizeProblems,
  describeProblem,
  FILES_FIELD,
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
import type { AcceptedType } from './content-type';
import { downloadFileName } from './file-name';
import { isStrippable, UNSTRIPPABLE_IMAGE_TYPES, UnreadableImage, withoutMetadata } from './image-metadata';
import { ContentInspector } from './inspection/content-inspector';
import { ATTACHMENT_STORAGE, AttachmentStorage } from './storage/attachment-storage';
import { StagedFile, UploadStaging } from './upload-staging';

/** A file that passed every rule, in storage, ready to record. */
export interface CheckedFile {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
}

export type CheckResult = { files: CheckedFile[]; problems: [] } | { files: null; problems: FileProblem[] };

export interface CheckOptions {
  /** At least one file must come (default true). */
  required?: boolean;
  /**
   * Remove what images say beyond their pixels (EXIF with GPS, XMP,
   * comments) before they are kept, by encoding JPEG, PNG, WebP and GIF
   * again; refuse, with `fileMetadata`, images whose metadata cannot be
   * removed (HEIC/HEIF, or an image that cannot be decoded). Documents are
   * kept as sent. For the whistleblower channel, on every file it accepts.
   */
  stripMetadata?: boolean;
}

/**
 * Reads the request body only when called, streaming its files into
 * storage through `staging`: nothing is read for a case the caller may not touch.
 */
export type UploadReader = (staging: UploadStaging) => Promise<ReceivedUpload>;

export const CITIZEN_UPLOADER: Uploader = { id: null, role: CITIZEN_ROLE };

/**
 * The rules of attachments: what may be attached, by whom, and that bytes
 * and rows stand or fall together. Files reach storage while the request
 * arrives; their rows are then written in one transaction, and the bytes
 * are removed again if the files are refused or the rows are not written.
 */
@Injectable()
export class AttachmentsService {
  private readonly staging: UploadStaging;

  constructor(
    private readonly transactions: Transactions,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    private readonly attachments: AttachmentsRepository,
    private readonly access: CaseAccessService,
    private readonly inspector: ContentInspector,
    private readonly timeline: CaseTimeline,
  ) {
    this.staging = new UploadStaging(storage);
  }

  async uploadByStaff(user: StaffUser, caseId: string, read: UploadReader): Promise<AttachmentView[]> {
    const found = await this.access.findVisible(user, caseId);
    const files = await this.checkOrThrow(await this.receive(read));
    const by: Uploader = { id: user.id, role: user.role };
    return this.recordOrDiscard(files, (tx) => this.recordIn(tx, found.id, files, by));
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
    const files = await this.checkOrThrow(await this.receive(read));
    return this.recordOrDiscard(files, async (tx) => {
      const locked = await this.attachments.lockCase(tx.manager, target.id);
      this.assertCitizenMayAdd(locked, await this.attachments.countByRole(target.id, CITIZEN_ROLE, tx.manager), files.length);
      return this.recordIn(tx, target.id, files, CITIZEN_UPLOADER);
    });
  }

  /**
   * Reads an upload for a caller that checks it itself (the web form): its
   * files are in storage afterwards, to be passed to `check` and then
   * recorded or discarded.
   */
  receive(read: UploadReader): Promise<ReceivedUpload> {
    return read(this.staging);
  }

  /**
   * Files sent with a new complaint, already in storage: `work` writes the
   * case and records the files (`recordIn`) in one transaction; if it fails
   * the bytes are removed again, so that case and files exist together or
   * not at all.
   */
  async withCheckedFiles<T>(files: CheckedFile[], work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      await this.discard(files);
      throw err;
    }
  }

  /** The rows of checked files, and their line on the case's timeline, in the caller's transaction. */
  async recordIn(tx: Tx, caseId: string, files: CheckedFile[], by: Uploader): Promise<AttachmentView[]> {
    if (files.length === 0) return [];
    const added = await this.attachments.insertMany(tx.manager, caseId, files.map(toRow), by);
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

  /**
   * Every rule a file must pass, the content judged whatever its name or
   * declared type claims. When any file is refused, every file of the
   * upload is removed from storage; when all pass, the caller records them
   * or calls `discard`.
   */
  async check(upload: ReceivedUpload, options: CheckOptions = {}): Promise<CheckResult> {
    const problems = countAndSizeProblems(upload, options.required ?? true);
    const staged = upload.files.flatMap((f) => (f.stored ? [f.stored.storageKey] : []));
    try {
      const typed: TypedFile[] = [];
      for (const file of upload.files) {
        if (!file.stored?.size) continue;
        const type = await this.typeOf(file.stored);
        if (type) typed.push({ fileName: file.fileName, stored: file.stored, type });
        else problems.push({ field: FILES_FIELD, code: 'fileType', fileName: file.fileName });
      }
      const replaced: string[] = [];
      if (options.stripMetadata && problems.length === 0) {
        for (const t of typed) {
          const clean = await this.withoutMetadata(t);
          if (clean === null) {
            problems.push({ field: FILES_FIELD, code: 'fileMetadata', fileName: t.fileName });
          } else if (clean !== t.stored) {
            staged.push(clean.storageKey);
            replaced.push(t.stored.storageKey);
            t.stored = clean;
          }
        }
      }
      if (problems.length) {
        await this.staging.discard(staged);
        return { files: null, problems };
      }
      await this.staging.discard(replaced);
      return { files: typed.map(toCheckedFile), problems: [] };
    } catch (err) {
      await this.staging.discard(staged);
      throw err;
    }
  }

  /** For a caller that checked files and then did not record them (a form refused for its text). */
  async discard(files: readonly CheckedFile[]): Promise<void> {
    await this.staging.discard(files.map((f) => f.storageKey));
  }

  private typeOf(stored: StagedFile): Promise<AcceptedType | null> {
    return this.inspector.inspect(stored.head, stored.size, (offset, length) =>
      this.storage.readRange(stored.storageKey, offset, length),
    );
  }

  /** The same file stored again without its metadata; itself when it has none we remove; null when it must be refused. */
  private async withoutMetadata(file: TypedFile): Promise<StagedFile | null> {
    const mediaType = file.type.mediaType;
    if (UNSTRIPPABLE_IMAGE_TYPES.includes(mediaType)) return null;
    if (!isStrippable(mediaType)) return file.stored;
    const source = await this.storage.openForRead(file.stored.storageKey);
    try {
      return await this.staging.stage(withoutMetadata(source, mediaType));
    } catch (err) {
      if (err instanceof UnreadableImage) return null;
      throw err;
    } finally {
      source.destroy();
    }
  }

  /** `check`, with a refusal thrown as the API's error (400, or 413 for a file too large), naming each file. */
  async checkOrThrow(upload: ReceivedUpload, options?: CheckOptions): Promise<CheckedFile[]> {
    const result = await this.check(upload, options);
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

  private recordOrDiscard(files: CheckedFile[], record: (tx: Tx) => Promise<AttachmentView[]>): Promise<AttachmentView[]> {
    return this.withCheckedFiles(files, () => this.transactions.run(record));
  }
}

interface TypedFile {
  fileName: string;
  stored: StagedFile;
  type: AcceptedType;
}

function toCheckedFile({ fileName, stored, type }: TypedFile): CheckedFile {
  return {
    fileName: downloadFileName(fileName, type),
    mediaType: type.mediaType,
    sizeBytes: stored.size,
    sha256: stored.sha256,
    storageKey: stored.storageKey,
  };
}

function toRow(f: CheckedFile): NewAttachmentRow {
  return { storageKey: f.storageKey, fileName: f.fileName, mediaType: f.mediaType, sizeBytes: f.sizeBytes, sha256: f.sha256 };
}

/** Over-size answers 413 (the client must send less); every other problem 400 with the field named. */
export function uploadError(problems: FileProblem[]): Error {
  const tooLarge = problems.filter((p) => p.code === 'fileTooLarge');
  if (tooLarge.length) {
    return new HttpException(tooLarge.map((p) => describeProblem(p).message).join('; '), HttpStatus.PAYLOAD_TOO_LARGE);
  }
  return DomainError.validation(problems.map(describeProblem));
}
