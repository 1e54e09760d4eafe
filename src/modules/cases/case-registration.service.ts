import { Injectable } from '@nestjs/common';
import { fiscalYearOf } from '../../common/time/thai-calendar';
import { Transactions, Tx } from '../../database/transactions';
import { DueDates } from '../calendar/due-dates.service';
import type { CaseSnapshot } from './case-changes';
import { CaseTimeline } from './case-timeline.service';
import type { CaseKind, CaseStatus, Channel, Locale } from './case.types';
import { CasesRepository } from './cases.repository';
import { IdentityCustody } from './identity-custody';
import { ReferenceCounterRepository } from './reference-counter.repository';

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
  /** Who filed it without an account, for the timeline: a citizen unless said otherwise (a whistleblower). */
  filedBy?: 'citizen' | 'whistleblower';
  locale: Locale;
}

export interface RegisteredCase<K extends CaseKind = 'general'> {
  id: string;
  /** Readable once the transaction that registered the case has committed. */
  readonly referenceNo: string;
  /** Null for corruption cases: they are followed on the whistleblower channel, never by tracking code. */
  trackingCode: K extends 'general' ? string : string | null;
  status: CaseStatus;
  receivedAt: Date;
  dueAt: Date;
}

/** Enters a complaint into the register: one transaction, all or nothing. */
@Injectable()
export class CaseRegistrationService {
  constructor(
    private readonly transactions: Transactions,
    private readonly cases: CasesRepository,
    private readonly counters: ReferenceCounterRepository,
    private readonly timeline: CaseTimeline,
    private readonly dueDates: DueDates,
    private readonly custody: IdentityCustody,
  ) {}

  register<K extends CaseKind>(input: NewCase & { kind: K }): Promise<RegisteredCase<K>> {
    return this.transactions.run((tx) => this.registerIn(tx, input));
  }

  /** Inside the caller's transaction, for a filing that writes more rows with the case (its files). */
  async registerIn<K extends CaseKind>(tx: Tx, input: NewCase & { kind: K }): Promise<RegisteredCase<K>> {
    const status: CaseStatus = 'received';
    const fiscalYear = fiscalYearOf(input.receivedAt);
    const dueAt = await this.dueDates.dueAt(input.receivedAt);
    const given = input.complainant.anonymous ? null : input.complainant;
    // A corruption case's complainant goes to the vault; its row only says that there is one.
    const vaulted = given !== null && input.kind === 'corruption';
    const complainantId = await this.cases.insertComplainant(
      tx.manager,
      given && !vaulted
        ? { anonymous: false, vaulted: false, name: given.name, email: given.email, phone: given.phone, address: given.address }
        : { anonymous: !given, vaulted, name: null, email: null, phone: null, address: null },
    );
    const { id, trackingCode } = await this.cases.insertCase(tx.manager, {
      kind: input.kind,
      channel: input.channel,
      status,
      fiscalYear,
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
      locale: input.locale,
    });
    if (given && vaulted) {
      await this.custody.keep(tx, id, { name: given.name, email: given.email, phone: given.phone, address: given.address });
    }
    const snapshot: CaseSnapshot = {
      id,
      kind: input.kind,
      channel: input.channel,
      status,
      referenceNo: null,
      receivedAt: input.receivedAt,
      dueAt,
      departmentId: null,
      assigneeId: null,
      categoryId: input.categoryId,
      complainantId,
      locale: input.locale,
      expectedAt: null,
      mergedIntoId: null,
    };
    await this.timeline.record(
      tx,
      id,
      {
        action: 'receive',
        fromStatus: null,
        toStatus: status,
        public: true,
        message: null,
        actor: { id: input.registeredBy?.id ?? null, role: input.registeredBy?.role ?? input.filedBy ?? 'citizen' },
      },
      snapshot,
    );
    let referenceNo: string | null = null;
    this.counters.numberAtCommit(tx, { caseId: id, kind: input.kind, fiscalYear, numbered: (n) => (referenceNo = n) });
    return {
      id,
      get referenceNo(): string {
        if (referenceNo === null) throw new Error('a new case has its reference number only once its transaction commits');
        return referenceNo;
      },
      trackingCode: trackingCode as RegisteredCase<K>['trackingCode'],
      status,
      receivedAt: input.receivedAt,
      dueAt,
    };
  }
}
