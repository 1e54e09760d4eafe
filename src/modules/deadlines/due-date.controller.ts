import { Body, Controller, Param, Post, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { CurrentUser, Staff } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { DueDateService } from './due-date.service';
import { ChangeDueDateDto, DueDateDto } from './dto/due-date.dto';

@ApiTags('staff')
@Controller('api/v1/cases/:id/due-date')
export class DueDateController {
  constructor(private readonly dueDates: DueDateService) {}

  @Post()
  @HttpCode(200)
  @Staff('center', 'integrity')
  @ApiOkResponse({ type: DueDateDto, description: 'The case’s new receipt and due dates; recorded on the internal timeline and audited' })
  @ApiErrors(400, 404, { 409: 'The case is settled, or nothing would change' })
  change(@CurrentUser() user: StaffUser, @Param('id') id: string, @Body() dto: ChangeDueDateDto): Promise<DueDateDto> {
    return this.dueDates.change(user, id, dto);
  }
}
