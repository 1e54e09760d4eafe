import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { DomainError } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { CurrentUser, Staff } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { CreateHolidayDto, HolidayDto, HolidayListDto, HolidaysQueryDto } from './dto/holiday.dto';
import { HolidaysService } from './holidays.service';
import { bangkokIsoDate } from './working-days';

@ApiTags('administration')
@Controller('api/v1/holidays')
export class HolidaysController {
  constructor(
    private readonly holidays: HolidaysService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Staff()
  @ApiOkResponse({ type: HolidayListDto, description: 'The days off of a year that the working-days count skips' })
  @ApiErrors(400)
  async list(@Query() q: HolidaysQueryDto): Promise<HolidayListDto> {
    const year = q.year ?? Number(bangkokIsoDate(this.clock.now()).slice(0, 4));
    return { items: await this.holidays.ofYear(year) };
  }

  @Post()
  @Staff('admin')
  @ApiCreatedResponse({ type: HolidayDto })
  @ApiErrors(400, { 409: 'The date is already an added holiday' })
  add(@CurrentUser() user: StaffUser, @Body() dto: CreateHolidayDto): Promise<HolidayDto> {
    return this.holidays.add(user, dto);
  }

  @Delete(':date')
  @Staff('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed; cases already registered keep their due dates' })
  @ApiErrors({ 400: 'The date is not YYYY-MM-DD', 404: 'No holiday added on that date (holidays of the calendar itself cannot be removed)' })
  async remove(@CurrentUser() user: StaffUser, @Param('date') date: string): Promise<void> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw DomainError.field('date', 'format', 'date must be YYYY-MM-DD');
    await this.holidays.remove(user, date);
  }
}
