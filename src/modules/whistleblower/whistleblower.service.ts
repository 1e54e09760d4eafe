import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import type { Locale } from '../../common/i18n/i18n';
import { Clock } from '../../common/time/clock';
import { Transactions } from '../../database/transactions';
import type { ReceivedUpload } from '../attachments/attachment-rules';
import { AttachmentsService, CheckedFile, CheckResult, UploadReader } from '../attachments/attachments.service';
import { CaseRegistrationService, CaseTimeline, isOverdue } from '../cases';
import { ChannelLimits } from './channel-limits';
import type { FileReportDto, FiledReportDto, ReportMessageDto, WhistleblowerReportDto } from './dto/report.dto';
import { PowChallenges } from './pow-challenges';
import { formatReceiptCode, generateReceiptCode, requireReceiptCode } from './receipt-code';
import { ReceiptHasher } from './receipt-hasher';
import { ReceiptTokens } from './receipt-tokens';
import { WHISTLEBLOWER_MESSAGE, WHISTLEBLOWER_ROLE, WhistleblowerRepository } from './whistleblower.repository';

const UPLOADER = { id: null, role: WHISTLEBLOWER_ROLE };
/** Files from the whistleblower, at filing and after, in all. */
export const MAX_REPORT_FILES = 10;

/**
 * The separate channel: a report filed without an account, a receipt shown
 * once and kept only as a slow hash, and with it the report's status, its
 * public steps, messages with the integrity officer and more files.
 */
@Injectable()
export class WhistleblowerService {
  constructor(
    private readonly transactions: Transactions,
    private readonly registration: CaseRegistrationService,
    private readonly timeline: CaseTimeline,
    private readonly reports: WhistleblowerRepository,
    private readonly hasher: ReceiptHasher,
    private readonly tokens: ReceiptTokens,
    private readonly challenges: PowChallenges,
    private readonly limits: ChannelLimits,
    private readonly attachments: AttachmentsService,
    private readonly clock: Clock,
  ) {}

  issueChallenge() {
    return this.challenges.issue();
  }

  /** Files checked by the caller (the web form) are recorded in the report's own transaction. */
  async file(dto: FileReportDto, client: string, locale: Locale, files: CheckedFile[] = []): Promise<FiledReportDto> {
    return this.attachments.withCheckedFiles(files, async () => {
      if (dto.pow) await this.challenges.redeem(dto.pow);
      else await this.limits.takeReportWithoutProof(client);
      // Argon2id on libuv's thread pool: the event loop serves other requests meanwhile.
      const receiptCode = generateReceiptCode();
      const receiptHash = await this.hasher.hash(receiptCode);
      const id = dto.identity;
      const filed = await this.transactions.run(async (tx) => {
        const registered = await this.registration.registerIn(tx, {
          kind: 'corruption',
          channel: 'web',
          receivedAt: this.clock.now(),
          subject: dto.subject,
          description: dto.description,
          categoryId: null,
          location: null,
          complainant: id ? { anonymous: false, name: id.name, email: id.email ?? null, phone: id.phone ?? null, address: null } : { anonymous: true },
          consentAt: null,
          letter: null,
          registeredBy: null,
          filedBy: WHISTLEBLOWER_ROLE,
          locale,
        });
        await this.reports.insertReport(tx.manager, registered.id, receiptHash, {
          accusedName: dto.accused?.name ?? null,
          accusedPosition: dto.accused?.position ?? null,
          accusedDepartment: dto.accused?.department ?? null,
          incidentDate: dto.incidentDate ?? null,
        });
        await this.attachments.recordIn(tx, registered.id, files, UPLOADER);
        return registered;
      });
      return { receiptCode: formatReceiptCode(receiptCode), referenceNo: filed.referenceNo };
    });
  }

  /**
   * A wrong receipt costs the client (and everyone: a guesser may have many
   * addresses) one attempt of a small budget; a right one gives it back.
   */
  async access(typed: string, client: string): Promise<{ token: string; expiresIn: number }> {
    const receiptCode = requireReceiptCode(typed);
    const tickets = await this.limits.takeReceiptAttempt(client);
    const caseId = await this.reports.caseOfReceipt(await this.hasher.hash(receiptCode));
    if (!caseId) throw new DomainError(ErrorCode.Unauthorized, 'No report has this receipt code');
    await this.limits.giveBack(tickets);
    return this.tokens.issue(caseId);
  }

  async read(caseId: string): Promise<WhistleblowerReportDto> {
    const report = await this.reports.report(caseId);
    if (!report) throw DomainError.notFound('Report');
    const [events, attachments] = await Promise.all([this.reports.timeline(caseId), this.reports.countFiles(caseId)]);
    return {
      referenceNo: report.referenceNo,
      status: report.status,
      receivedAt: report.receivedAt,
      dueAt: report.dueAt,
      overdue: isOverdue(report.status, report.dueAt, this.clock.now()),
      timeline: events
        .filter((e) => e.public)
        .map((e) => ({ at: e.at, action: e.action, status: e.status, message: e.message, outcome: e.outcome })),
      messages: events
        .filter((e) => !e.public && e.message !== null)
        .map((e) => ({ at: e.at, from: e.action === WHISTLEBLOWER_MESSAGE ? 'whistleblower' : 'integrity', body: e.message as string })),
      attachments,
    };
  }

  /** A line on the case's timeline, for the integrity officer (internal: never on a public view). */
  async postMessage(caseId: string, body: string): Promise<ReportMessageDto> {
    const change = await this.transactions.run(async (tx) => {
      const report = await this.reports.report(caseId);
      if (!report) throw DomainError.notFound('Report');
      return this.timeline.record(tx, caseId, {
        action: WHISTLEBLOWER_MESSAGE,
        fromStatus: report.status,
        toStatus: report.status,
        public: false,
        message: body,
        actor: { id: null, role: WHISTLEBLOWER_ROLE },
      });
    });
    return { at: change.at, from: 'whistleblower', body };
  }

  receiveFiles(read: UploadReader): Promise<ReceivedUpload> {
    return this.attachments.receive(read);
  }

  /** More files, with their image metadata removed before they are kept (documents keep theirs: the pages say so). */
  async addFiles(caseId: string, upload: ReceivedUpload): Promise<number> {
    const files = await this.attachments.checkOrThrow(upload, { stripMetadata: true });
    return this.attachments.withCheckedFiles(files, async () => {
      if (!(await this.reports.report(caseId))) throw DomainError.notFound('Report');
      if ((await this.reports.countFiles(caseId)) + files.length > MAX_REPORT_FILES) {
        throw new DomainError(ErrorCode.Conflict, `A report takes at most ${MAX_REPORT_FILES} files from the whistleblower`);
      }
      await this.transactions.run((tx) => this.attachments.recordIn(tx, caseId, files, UPLOADER));
      return files.length;
    });
  }

  /** The web form's files, checked as the channel wants them (image metadata removed); none is required. */
  checkFormFiles(upload: ReceivedUpload): Promise<CheckResult> {
    return this.attachments.check(upload, { required: false, stripMetadata: true });
  }

  discardFiles(files: CheckedFile[]): Promise<void> {
    return this.attachments.discard(files);
  }

  /** Files that will not be kept (the page's token had expired): checked, so that they are all removed again. */
  async dropFiles(upload: ReceivedUpload): Promise<void> {
    const checked = await this.attachments.check(upload, { required: false });
    if (checked.files) await this.attachments.discard(checked.files);
  }

}
