import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SettingsModule } from '../settings/settings.module';
import { DueDates } from './due-dates.service';
import { HolidaysController } from './holidays.controller';
import { HolidaysRepository } from './holidays.repository';
import { HolidaysService } from './holidays.service';

/** Days that count: the 15-day rule, weekends and Thai public holidays. */
@Module({
  imports: [SettingsModule, AuditModule],
  controllers: [HolidaysController],
  providers: [DueDates, HolidaysRepository, HolidaysService],
  exports: [DueDates, HolidaysService],
})
export class CalendarModule {}
