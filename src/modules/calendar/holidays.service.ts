import { Injectable } from '@nestjs/common';
import { ShortLivedCopy } from '../../common/cache/short-lived-copy';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { Transactions } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { StaffUser } from '../auth/staff-user';
import { HolidaysRepository } from './holidays.repository';
import { Holiday, IsoDate, thaiPublicHolidays, withSubstitutes } from './working-days';

/**
 * The days off that the working-days count skips: Thailand's public
 * holidays from the maintained library with their substitute days, plus
 * the ones an administrator added.
 */
@Injectable()
export class HolidaysService {
  /** The ones an administrator added. */
  private readonly added = new ShortLivedCopy(() => this.holidays.all());

  constructor(
    private readonly holidays: HolidaysRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async ofYear(year: number): Promise<Holiday[]> {
    const added = (await this.added.get()).filter((h) => h.date.startsWith(`${year}-`));
    const library = thaiPublicHolidays(year).filter((h) => !added.some((a) => a.date === h.date));
    return [...library, ...added].sort((a, b) => a.date.localeCompare(b.date));
  }

  /** A predicate over the years given, for the pure working-day count. */
  async checker(years: number[]): Promise<(day: IsoDate) => boolean> {
    const added = await this.added.get();
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
    this.added.forget();
    return { ...h, source: 'admin' };
  }

  async remove(actor: StaffUser, date: IsoDate): Promise<void> {
    await this.transactions.run(async (tx) => {
      if (!(await this.holidays.remove(tx.manager, date))) throw DomainError.notFound('Added holiday');
      await this.audit.record({ action: 'holiday_remove', actor: { id: actor.id, role: actor.role }, details: { date } }, tx);
    });
    this.added.forget();
  }
}
