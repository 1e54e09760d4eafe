import { Injectable } from '@nestjs/common';
import { fiscalYearOf } from '../../common/time/thai-calendar';
import { Transactions, Tx } from '../../database/transactions';
import { TxBatch } from '../../database/tx-batch';
import { DueDates } from '../calendar/due-dates.service';
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
  referenceNo: string;
  /** Null for corruption cases: they are followed on the whistleblower channel, never by tracking code. */
  trackingCode: K extends 'general' ? string : string | null;
  status: CaseStatus;
  receivedAt: Date;
  dueAt: Date;
}

/**
 * Enters a complaint into the register: one transaction, all or nothing.
 * The filings of one group commit that register in the same moment are
 * written together (`TxBatch`): one INSERT per table for all of them.
 */
@Injectable()
export class CaseRegistrationService {
  private readonly batch = new TxBatch<NewCase, RegisteredCase<CaseKind>>((tx, inputs) => this.registerAll(tx, inputs));

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
  registerIn<K extends CaseKind>(tx: Tx, input: NewCase & { kind: K }): Promise<RegisteredCase<K>> {
    return this.batch.add(tx, input) as Promise<RegisteredCase<K>>;
  }

  private async registerAll(tx: Tx, inputs: NewCase[]): Promise<RegisteredCase<CaseKind>[]> {
    const status: CaseStatus = 'received';
    const dueAts = await Promise.all(inputs.map((input) => this.dueDates.dueAt(input.receivedAt)));
    const given = inputs.map((input) => (input.complainant.anonymous ? null : input.complainant));
    // A corruption case's complainant goes to the vault; its row only says that there is one.
    const vaulted = inputs.map((input, i) => given[i] !== null && input.kind === 'corruption');
    const complainantIds = await this.cases.insertComplainants(
      tx.manager,
      given.map((g, i) =>
        g && !vaulted[i]
          ? { anonymous: false, vaulted: false, name: g.name, email: g.email, phone: g.phone, address: g.address }
          : { anonymous: !g, vaulted: vaulted[i], name: null, email: null, phone: null, address: null },
      ),
    );
    const fiscalYears = inputs.map((input) => fiscalYearOf(input.receivedAt));
    const ids = this.cases.newIds(inputs.length);
    // The timeline lines, and whatever subscribers write on them (the acknowledgement in the outbox), go in before
    // their cases: those foreign keys are checked at COMMIT. The cases come last because taking their numbers locks
    // the register's counter until COMMIT (see ReferenceCounterRepository): the filings that arrive meanwhile wait for
    // one INSERT and a COMMIT, not for all of this group's work. Each case is written once, with its number.
    await this.timeline.recordAll(
      tx,
      inputs.map((input, i) => ({
        entry: {
          action: 'receive',
          fromStatus: null,
          toStatus: status,
          public: true,
          message: null,
          actor: { id: input.registeredBy?.id ?? null, role: input.registeredBy?.role ?? input.filedBy ?? 'citizen' },
        },
        after: {
          id: ids[i],
          kind: input.kind,
          channel: input.channel,
          status,
          referenceNo: null,
          receivedAt: input.receivedAt,
          dueAt: dueAts[i],
          departmentId: null,
          assigneeId: null,
          categoryId: input.categoryId,
          complainantId: complainantIds[i],
          locale: input.locale,
          expectedAt: null,
          mergedIntoId: null,
        },
      })),
    );
    const numbers = await this.counters.take(
      tx.manager,
      inputs.map((input, i) => ({ kind: input.kind, fiscalYear: fiscalYears[i] })),
    );
    const trackingCodes = await this.cases.insertCases(
      tx.manager,
      inputs.map((input, i) => ({
        id: ids[i],
        kind: input.kind,
        channel: input.channel,
        status,
        fiscalYear: fiscalYears[i],
        sequence: numbers[i].sequence,
        referenceNo: numbers[i].referenceNo,
        subject: input.subject,
        description: input.description,
        categoryId: input.categoryId,
        location: input.location,
        complainantId: complainantIds[i],
        departmentId: null,
        assigneeId: null,
        registeredBy: input.registeredBy?.id ?? null,
        letterNo: input.letter?.number ?? null,
        letterDate: input.letter?.date ?? null,
        consentAt: input.consentAt,
        receivedAt: input.receivedAt,
        dueAt: dueAts[i],
        locale: input.locale,
      })),
    );
    for (const [i, g] of given.entries()) {
      if (g && vaulted[i]) await this.custody.keep(tx, ids[i], { name: g.name, email: g.email, phone: g.phone, address: g.address });
    }
    return inputs.map((input, i) => ({
      id: ids[i],
      referenceNo: numbers[i].referenceNo,
      trackingCode: trackingCodes[i],
      status,
      receivedAt: input.receivedAt,
      dueAt: dueAts[i],
    }));
  }
}
