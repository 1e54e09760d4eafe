import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { CurrentUser, Staff } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { SettingsDto, UpdateSettingsDto } from './dto/settings.dto';
import { SettingsService } from './settings.service';

@ApiTags('administration')
@Controller('api/v1/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @Staff('admin')
  @ApiOkResponse({ type: SettingsDto, description: 'Every group of settings, saved values over the defaults' })
  all(): Promise<SettingsDto> {
    return this.settings.all();
  }

  @Patch()
  @Staff('admin')
  @ApiOkResponse({ type: SettingsDto, description: 'The settings after the change' })
  @ApiErrors(400)
  update(@CurrentUser() user: StaffUser, @Body() dto: UpdateSettingsDto): Promise<SettingsDto> {
    return this.settings.update(user, dto);
  }
}
