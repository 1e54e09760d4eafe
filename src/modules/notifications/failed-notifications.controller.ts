import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { CurrentUser, Staff } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { FailedNotificationListDto, FailedNotificationsQueryDto, RetriedNotificationDto } from './dto/failed-notification.dto';
import { FailedNotificationsService } from './failed-notifications.service';

@ApiTags('administration')
@Controller('api/v1/notifications')
export class FailedNotificationsController {
  constructor(private readonly failed: FailedNotificationsService) {}

  @Get('failed')
  @Staff('admin')
  @ApiOkResponse({ type: FailedNotificationListDto, description: 'Mails that gave up, newest first; addresses masked' })
  @ApiErrors(400)
  list(@Query() q: FailedNotificationsQueryDto): Promise<FailedNotificationListDto> {
    return this.failed.page(q.limit, q.cursor);
  }

  @Post(':id/retry')
  @Staff('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: RetriedNotificationDto, description: 'Back in line; audited as notification_retry' })
  @ApiErrors({ 404: 'No failed notification with this id' })
  retry(@CurrentUser() user: StaffUser, @Param('id') id: string): Promise<RetriedNotificationDto> {
    return this.failed.retry(user, id);
  }
}
