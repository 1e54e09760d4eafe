import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { Transactions } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { StaffUser } from '../auth/staff-user';
import { HolidaysRepository } from './holidays.repository';
import { Holiday, IsoDate, thaiPublicHolidays, withSubstitutes } from './working-days';

/** How long a process trusts its copy; another process's change shows within this time. */
const CACHE_MS = 5_000;

/**
 * The days off that the working-days count skips: Thailand's public
 * holidays from the maintained library with their substitute days, plus
 * the ones an administrator added.
 */
@Injectable()
export class HolidaysService {
  private cached?: { at: number; days: Holiday[] };

  constructor(
    private readonly holidays: HolidaysRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async ofYear(year: number): Promise<Holiday[]> {
    const added = (await this.added()).filter((h) => h.date.startsWith(`${year}-`));
    const library = thaiPublicHolidays(year).filter((h) => !added.some((a) => a.date === h.date));
    return [...library, ...added].sort((a, b) => a.date.localeCompare(b.date));
  }

  /** A predicate over the years given, for the pure working-day count. */
  async checker(years: number[]): Promise<(day: IsoDate) => boolean> {
    const added = await this.added();
    // An added holiday on a weekend earns a substitute like any other.
    const days = new Set([...years.flatMap((y) => thaiPublicHolidays(y)), ...withSubstitutes(added)].map((h) => h.date));
    return (day) => days.has(day);
  }

  async add(actor: StaffUser, h: { date: IsoDate; nameTh: string; nameEn: string }): Promise<Holiday> {
    await this.transactions.run(async (tx) => {
      if (!(await this.holidays.insert(tx.manager, { ...h, createdBy: actor.id }))) {
        throw new DomainError(ErrorCode.Conflict, `${h.date} is already an added holiday`);
      }
      await this.audit.record({ action: 'holiday_add', actor: { id: actor.id, role: actor.role }, details: { date: h.date } }, tx);
    });
    this.cached = undefined;
    return { ...h, source: 'admin' };
  }

  async remove(actor: StaffUser, date: IsoDate): Promise<void> {
    await this.transactions.run(async (tx) => {
      if (!(await this.holidays.remove(tx.manager, date))) throw DomainError.notFound('Added holiday');
      await this.audit.record({ action: 'holiday_remove', actor: { id: actor.id, role: actor.role }, details: { date } }, tx);
    });
    this.cached = undefined;
  }

  private async added(): Promise<Holiday[]> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.days;
    const days = await this.holidays.all();
    this.cached = { at: now, days };
    return days;
  }
}
