import { Injectable } from '@nestjs/common';
import { dueAtFor, RESPONSE_DAYS } from '../../common/time/thai-calendar';
import { SettingsService } from '../settings/settings.service';
import { HolidaysService } from './holidays.service';
import { addWorkingDays, yearsSpanned } from './working-days';

/**
 * The response deadline of a case received at a given instant: seed 004's
 * 15 days, counted as the administrator's setting says. Calendar days: 15
 * times 24 hours. Working days: the 15th working day after the day of
 * receipt, at the same time of day, skipping weekends and holidays.
 * A case's stored due date is computed once, when it is registered (or
 * explicitly re-dated); changing the setting or the holidays moves no case.
 */
@Injectable()
export class DueDates {
  constructor(
    private readonly settings: SettingsService,
    private readonly holidays: HolidaysService,
  ) {}

  async dueAt(receivedAt: Date): Promise<Date> {
    const { mode } = await this.settings.get('deadline');
    if (mode !== 'working') return dueAtFor(receivedAt);
    const isHoliday = await this.holidays.checker(yearsSpanned(receivedAt, RESPONSE_DAYS));
    return addWorkingDays(receivedAt, RESPONSE_DAYS, isHoliday);
  }
}
