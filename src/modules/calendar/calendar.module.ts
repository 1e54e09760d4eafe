import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { DueDates } from './due-dates.service';

/** Days that count: the 15-day rule, weekends and Thai public holidays. */
@Module({
  imports: [SettingsModule],
  providers: [DueDates],
  exports: [DueDates],
})
export class CalendarModule {}
