import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Tx } from '../../database/transactions';
import type { CaseAction } from './case-workflow';
import type { CaseKind, CaseStatus, Channel, Locale } from './case.types';

/**
 * Timeline actions beyond the workflow's own: a case entering the register,
 * another case merged into it, files added. Other modules add theirs (the
 * deadline engine's, the whistleblower channel's) through the same seam.
 */
export type TimelineAction = CaseAction | 'receive' | 'merged_in' | 'attach' | (string & {});

/** The case as it stands after a change: what subscribers decide on. */
export interface CaseSnapshot {
  id: string;
  kind: CaseKind;
  channel: Channel;
  status: CaseStatus;
  /** Null when the case enters the register: its number is taken after its timeline line (see CaseRegistrationService). */
  referenceNo: string | null;
  receivedAt: Date;
  dueAt: Date;
  departmentId: string | null;
  assigneeId: string | null;
  categoryId: string | null;
  complainantId: string | null;
  locale: Locale;
  expectedAt: Date | null;
  mergedIntoId: string | null;
}

/** One line of a case's timeline, announced inside the transaction that wrote it. */
export interface CaseChange {
  eventId: string;
  at: Date;
  action: TimelineAction;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  /** The complainant sees it on the tracking page. */
  public: boolean;
  /** Null id for a citizen, a whistleblower or the system. */
  actor: { id: string | null; role: string };
  message: string | null;
  departmentId?: string;
  assigneeId?: string;
  expectedAt?: Date;
  agency?: string;
  relatedCaseId?: string;
  outcome?: string;
  case: CaseSnapshot;
}

/**
 * A module that reacts to case changes. It runs inside the changes' own
 * transaction: it may write rows with `tx.manager` (and so makes the changes
 * fail if it fails), never talks to the network; whatever must wait for the
 * commit (queueing a job) goes through `tx.afterCommit`.
 *
 * Changes come in batches, in the order they happened: one change for a
 * staff action, a group commit's registrations together, so that a
 * subscriber reads and writes once for all of them rather than once each.
 *
 * A registration ('receive') is announced before its case row is written
 * (which is written last: see CaseRegistrationService): a subscriber decides
 * on the change's snapshot, not on a read of the row, and a row it writes
 * for the case may only reference it by a key checked at COMMIT (as the
 * timeline's and the outbox's are).
 */
export interface CaseChangeSubscriber {
  onCaseChanges(changes: readonly CaseChange[], tx: Tx): Promise<void>;
}

/**
 * The one seam for "a case changed". Cases announce; notifications, stored
 * facts, deadlines, reports and the whistleblower channel subscribe, in the
 * order they subscribed, each to every change.
 */
@Injectable()
export class CaseChanges implements OnApplicationBootstrap {
  private readonly logger = new Logger(CaseChanges.name);
  private readonly subscribers: Array<{ name: string; subscriber: CaseChangeSubscriber }> = [];

  subscribe(name: string, subscriber: CaseChangeSubscriber): void {
    if (this.subscribers.some((s) => s.name === name)) throw new Error(`case-change subscriber "${name}" subscribed twice`);
    this.subscribers.push({ name, subscriber });
  }

  async publish(changes: readonly CaseChange[], tx: Tx): Promise<void> {
    if (changes.length === 0) return;
    for (const { subscriber } of this.subscribers) await subscriber.onCaseChanges(changes, tx);
  }

  /** Who listens, once at start: a missing subscriber shows in the log, not in a lost notice. */
  onApplicationBootstrap(): void {
    this.logger.log(`case-change subscribers: ${this.subscribers.map((s) => s.name).join(', ') || 'none'}`);
  }

  get subscriberNames(): string[] {
    return this.subscribers.map((s) => s.name);
  }
}
