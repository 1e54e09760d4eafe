import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { dueAtFor, fiscalYearOf, type Locale } from '../../common/time/thai-calendar';
import { NotificationsService } from '../notifications/notifications.service';
import type { CaseKind, CaseStatus, Channel } from './case.types';
import { CasesRepository } from './cases.repository';
import { formatReferenceNo } from './reference-number';
import { ReferenceCounterRepository } from './reference-counter.repository';
import { generateTrackingCode } from './tracking-code';

export interface NewCase {
  kind: CaseKind;
  channel: Channel;
  receivedAt: Date;
  subject: string;
  description: string;
  categoryId: string | null;
  location: string | null;
  complainant:
    | { anonymous: false; name: string; email: string | null; phone: string | null; address: string | null }
    | { anonymous: true };
  consentAt: Date | null;
  letter: { number: string | null; date: string | null } | null;
  /** Who registered it: null for a citizen filing on the web. */
  registeredBy: { id: string; role: string } | null;
  locale: Locale;
  /**
   * Runs inside the registration transaction once the case row exists, for
   * rows that must stand or fall with the case (its attachments).
   */
  withinTransaction?: (m: EntityManager, caseId: string) => Promise<void>;
}

export interface RegisteredCase<K extends CaseKind = 'general'> {
  id: string;
  referenceNo: string;
  /** Null for corruption cases: they are followed on the whistleblower channel, never by tracking code. */
  trackingCode: K extends 'general' ? string : string | null;
  status: CaseStatus;
  receivedAt: Date;
  dueAt: Date;
}

const TRACKING_CODE_ATTEMPTS = 3;

/** Enters a complaint into the register: one transaction, all or nothing. */
@Injectable()
export class CaseRegistrationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesRepository,
    private readonly counters: ReferenceCounterRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async register<K extends CaseKind>(input: NewCase & { kind: K }): Promise<RegisteredCase<K>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.registerOnce(input)) as RegisteredCase<K>;
      } catch (err) {
        // A fresh random code colliding with an existing one is astronomically
        // rare, but it must not cost the citizen their complaint.
        if (attempt < TRACKING_CODE_ATTEMPTS && isTrackingCodeCollision(err)) continue;
        throw err;
      }
    }
  }

  private async registerOnce(input: NewCase): Promise<RegisteredCase<CaseKind>> {
    const status: CaseStatus = 'received';
    const fiscalYear = fiscalYearOf(input.receivedAt);
    const dueAt = dueAtFor(input.receivedAt);
    const trackingCode = input.kind === 'general' ? generateTrackingCode() : null;

    const { registered, notificationIds } = await this.db.transaction(async (m) => {
      const complainantId = await this.cases.insertComplainant(
        m,
        input.complainant.anonymous
          ? { anonymous: true, name: null, email: null, phone: null, address: null }
          : { ...input.complainant, anonymous: false },
      );
      const sequence = await this.counters.next(m, input.kind, fiscalYear);
      const referenceNo = formatReferenceNo(input.kind, fiscalYear, sequence);
      const id = await this.cases.insertCase(m, {
        kind: input.kind,
        channel: input.channel,
        status,
        fiscalYear,
        sequence,
        referenceNo,
        trackingCode,
        subject: input.subject,
        description: input.description,
        categoryId: input.categoryId,
        location: input.location,
        complainantId,
        departmentId: null,
        assigneeId: null,
        registeredBy: input.registeredBy?.id ?? null,
        letterNo: input.letter?.number ?? null,
        letterDate: input.letter?.date ?? null,
        consentAt: input.consentAt,
        receivedAt: input.receivedAt,
        dueAt,
      });
      await input.withinTransaction?.(m, id);
      await this.cases.appendEvent(m, {
        caseId: id,
        action: 'receive',
        fromStatus: null,
        toStatus: status,
        public: true,
        message: null,
        actorId: input.registeredBy?.id ?? null,
        actorRole: input.registeredBy?.role ?? 'citizen',
      });
      const email = input.complainant.anonymous ? null : input.complainant.email;
      const notificationIds = email
        ? [
            await this.notifications.addToOutbox(m, {
              caseId: id,
              template: 'acknowledgement',
              recipient: email,
              locale: input.locale,
            }),
          ]
        : [];
      return {
        registered: { id, referenceNo, trackingCode, status, receivedAt: input.receivedAt, dueAt },
        notificationIds,
      };
    });

    this.notifications.dispatch(notificationIds);
    return registered;
  }
}

function isTrackingCodeCollision(err: unknown): boolean {
  return (
    err instanceof QueryFailedError &&
    (err.driverError as { code?: string; constraint?: string }).code === '23505' &&
    (err.driverError as { constraint?: string }).constraint === 'cases_tracking_code_key'
  );
}
