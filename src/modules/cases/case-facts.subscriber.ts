import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Tx } from '../../database/transactions';
import { CaseChange, CaseChanges, CaseChangeSubscriber } from './case-changes';
import { isOpen } from './case.types';
import { CaseFacts, CaseFactsRepository } from './case-facts.repository';

/** Actors whose public lines do not count as the organisation answering. */
const NOT_A_RESPONSE = new Set(['citizen', 'whistleblower', 'system']);

/** The facts a change establishes, from the change alone: a pure rule. */
export function factsOf(change: CaseChange): CaseFacts {
  const c = change.case;
  return {
    // Still open past its due date when something happened: it was overdue from the due date on.
    overdue: change.fromStatus !== null && isOpen(change.fromStatus) && change.at.getTime() > c.dueAt.getTime(),
    resolved: change.toStatus === 'resolved' && change.fromStatus !== 'resolved',
    closed: change.toStatus === 'closed' && change.fromStatus !== 'closed',
    responded: change.public && change.action !== 'receive' && !NOT_A_RESPONSE.has(change.actor.role),
  };
}

/**
 * Stores when a case first became overdue, was first and last resolved and
 * closed, and first got a public answer, as the changes happen: the
 * statistics read them, and an overdue case stays counted as overdue after
 * it is resolved.
 */
@Injectable()
export class CaseFactsSubscriber implements CaseChangeSubscriber, OnModuleInit {
  constructor(
    private readonly changes: CaseChanges,
    private readonly facts: CaseFactsRepository,
  ) {}

  onModuleInit(): void {
    this.changes.subscribe('case-facts', this);
  }

  /** One UPDATE per change that establishes a fact; a registration establishes none. */
  async onCaseChanges(changes: readonly CaseChange[], tx: Tx): Promise<void> {
    for (const change of changes) await this.facts.record(tx.manager, change.case.id, factsOf(change), change.at);
  }
}
