import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { fiscalYearOf } from '../../common/time/thai-calendar';
import { Transactions } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { StaffUser } from '../auth/staff-user';
import { DueDates } from '../calendar/due-dates.service';
import { CaseAccessService, CaseTimeline, isOpen } from '../cases';
import { SettingsService } from '../settings/settings.service';
import { planTimers } from './deadline-plan';
import { REDATE_ACTION } from './deadline-timers.subscriber';
import { DeadlinesRepository } from './deadlines.repository';
import { DeadlineTimers } from './deadline-timers.service';
import type { ChangeDueDateDto, DueDateDto } from './dto/due-date.dto';

/**
 * The one way a case's due date changes after registration, never
 * silently: the centre corrects the date a complaint really arrived, or
 * recounts it under rules changed since (the working-days setting, a
 * holiday added). Recorded on the internal timeline (announced through the
 * seam, so its timers move) and in the audit log with the reason.
 */
@Injectable()
export class DueDateService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccessService,
    private readonly timeline: CaseTimeline,
    private readonly dueDates: DueDates,
    private readonly repo: DeadlinesRepository,
    private readonly timers: DeadlineTimers,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async change(user: StaffUser, caseId: string, dto: ChangeDueDateDto): Promise<DueDateDto> {
    const now = this.clock.now();
    const { reminderDaysBefore } = await this.settings.get('deadline');
    return this.transactions.run(async (tx) => {
      const c = await this.access.findVisible(user, caseId, tx.manager, true);
      if (!isOpen(c.status)) throw new DomainError(ErrorCode.Conflict, `A ${c.status} case has no deadline to move`);
      const receivedAt = dto.receivedAt ? new Date(dto.receivedAt) : c.receivedAt;
      if (receivedAt.getTime() > now.getTime() + 60_000) {
        throw DomainError.field('receivedAt', 'future', 'receivedAt cannot be in the future');
      }
      // The register number belongs to the fiscal year of receipt.
      if (fiscalYearOf(receivedAt) !== c.fiscalYear) {
        throw DomainError.field('receivedAt', 'fiscalYear', 'receivedAt must stay in the fiscal year of the case’s register number');
      }
      const dueAt = await this.dueDates.dueAt(receivedAt);
      if (dueAt.getTime() === c.dueAt.getTime() && receivedAt.getTime() === c.receivedAt.getTime()) {
        throw new DomainError(ErrorCode.Conflict, 'The due date would not change');
      }
      await this.repo.redate(tx.manager, c.id, receivedAt, dueAt);
      await this.timeline.record(tx, c.id, {
        action: REDATE_ACTION,
        fromStatus: c.status,
        toStatus: c.status,
        public: false,
        message: dto.reason,
        actor: { id: user.id, role: user.role },
      });
      await this.audit.record(
        {
          action: 'due_date_change',
          actor: { id: user.id, role: user.role },
          caseId: c.id,
          reason: dto.reason,
          details: { from: c.dueAt.toISOString(), to: dueAt.toISOString(), receivedAt: receivedAt.toISOString() },
        },
        tx,
      );
      // The new timers are set by the seam; the old ones are cleared here (they would find nothing to do anyway).
      tx.afterCommit(() => this.timers.clearSoon(c.id, planTimers(c.dueAt, reminderDaysBefore)));
      return { id: c.id, receivedAt, dueAt, previousDueAt: c.dueAt };
    });
  }
}
