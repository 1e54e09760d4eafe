import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Staff } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { UpdateSettingsDto } from './dto/settings.dto';
import type { Settings } from './settings.catalogue';
import { SettingsService } from './settings.service';

@ApiTags('administration')
@Controller('api/v1/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @Staff('admin')
  @ApiOkResponse({ description: 'Every group of settings, saved values over the defaults' })
  all(): Promise<Settings> {
    return this.settings.all();
  }

  @Patch()
  @Staff('admin')
  @ApiOkResponse({ description: 'The settings after the change' })
  update(@CurrentUser() user: StaffUser, @Body() dto: UpdateSettingsDto): Promise<Settings> {
    return this.settings.update(user, dto);
  }
}
