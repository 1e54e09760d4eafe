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
    const [change] = await this.recordAll(tx, [{ entry, after: snapshot }]);
    return change;
  }

  /** Changes of several cases at once (a group's registrations): one INSERT of their lines, one announcement. */
  async recordAll(tx: Tx, lines: ReadonlyArray<{ entry: TimelineEntry; after: CaseSnapshot }>): Promise<CaseChange[]> {
    const at = this.clock.now();
    const eventIds = await this.cases.appendEvents(
      tx.manager,
      lines.map(({ entry: { actor, ...event }, after }) => ({ ...event, caseId: after.id, at, actorId: actor.id, actorRole: actor.role })),
    );
    const changes = lines.map(({ entry, after }, i): CaseChange => ({ ...entry, eventId: eventIds[i], at, case: after }));
    await this.changes.publish(changes, tx);
    return changes;
  }
}
