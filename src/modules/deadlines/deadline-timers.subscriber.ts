import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '../../common/time/clock';
import type { Tx } from '../../database/transactions';
import { CaseChange, CaseChanges, CaseChangeSubscriber, isOpen } from '../cases';
import { SettingsService } from '../settings/settings.service';
import { nextTimer, planTimers, Timer } from './deadline-plan';
import { DeadlinesRepository } from './deadlines.repository';
import { DeadlineTimers } from './deadline-timers.service';

/** The timeline action of an explicit change of due date (see `DueDateService`). */
export const REDATE_ACTION = 'redate';

/**
 * Keeps a case's timer in step with its changes: registering, reopening
 * and re-dating set the next timer; resolving, closing, referring,
 * rejecting, withdrawing and merging clear it. Other changes leave it
 * alone (an explanation does not move the deadline: see the README).
 */
@Injectable()
export class DeadlineTimersSubscriber implements CaseChangeSubscriber, OnModuleInit {
  constructor(
    private readonly changes: CaseChanges,
    private readonly settings: SettingsService,
    private readonly repo: DeadlinesRepository,
    private readonly timers: DeadlineTimers,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.changes.subscribe('deadline-timers', this);
  }

  /** The timers a batch sets (a group's registrations) are queued together, in one round trip to Redis. */
  async onCaseChanges(changes: readonly CaseChange[], tx: Tx): Promise<void> {
    const moving = changes.filter(
      ({ fromStatus, toStatus, action }) => fromStatus === null || isOpen(fromStatus) !== isOpen(toStatus) || action === REDATE_ACTION,
    );
    if (moving.length === 0) return;
    const { reminderDaysBefore } = await this.settings.get('deadline');
    const toSet: Array<{ caseId: string; timer: Timer }> = [];
    for (const { fromStatus, toStatus, case: c } of moving) {
      const plan = planTimers(c.dueAt, reminderDaysBefore);
      if (!isOpen(toStatus)) {
        tx.afterCommit(() => this.timers.clearSoon(c.id, plan));
        continue;
      }
      const fired = fromStatus === null ? new Set<string>() : await this.repo.firedOccasions(tx.manager, c.id, c.dueAt);
      const next = nextTimer(plan, fired, this.clock.now());
      if (next) toSet.push({ caseId: c.id, timer: next });
    }
    if (toSet.length) tx.afterCommit(() => this.timers.setManySoon(toSet));
  }
}
