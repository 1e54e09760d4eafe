import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/time/clock';
import type { Tx } from '../../database/transactions';
import { CaseChange, CaseChanges, CaseSnapshot, TimelineAction } from './case-changes';
import type { CaseStatus } from './case.types';
import { CasesRepository } from './cases.repository';

export interface TimelineEntry {
  action: TimelineAction;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  public: boolean;
  message: string | null;
  actor: { id: string | null; role: string };
  departmentId?: string;
  assigneeId?: string;
  expectedAt?: Date;
  agency?: string;
  relatedCaseId?: string;
  outcome?: string;
}

/**
 * Every change to a case goes through here: one timeline row, then the
 * announcement to every subscriber, both in the caller's transaction.
 */
@Injectable()
export class CaseTimeline {
  constructor(
    private readonly cases: CasesRepository,
    private readonly changes: CaseChanges,
    private readonly clock: Clock,
  ) {}

  /** `after` is the case as the change leaves it; without it, it is read (locked) from the database. */
  async record(tx: Tx, caseId: string, entry: TimelineEntry, after?: CaseSnapshot): Promise<CaseChange> {
    const snapshot = after ?? (await this.cases.snapshot(tx.manager, caseId, true));
    const at = this.clock.now();
    const { actor, ...event } = entry;
    const eventId = await this.cases.appendEvent(tx.manager, { ...event, caseId, at, actorId: actor.id, actorRole: actor.role });
    const change: CaseChange = { ...entry, eventId, at, case: snapshot };
    await this.changes.publish(change, tx);
    return change;
  }
}
