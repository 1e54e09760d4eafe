import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { CurrentUser, Staff } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { CaseActionsService } from './case-actions.service';
import { CaseDetailsService } from './case-details.service';
import { ActionRefusedDto, CaseDetailDto } from './dto/case-detail.dto';
import { CaseQueueService } from './case-queue.service';
import { CaseActionDto } from './dto/case-action.dto';
import { CaseQueueQueryDto, QueuePageDto } from './dto/case-queue.dto';
import { RegisterCaseDto, RegisteredCaseDto } from './dto/register-case.dto';
import { StaffRegistrationService } from './staff-registration.service';

@ApiTags('staff')
@Controller('api/v1/cases')
export class CasesController {
  constructor(
    private readonly queue: CaseQueueService,
    private readonly registration: StaffRegistrationService,
    private readonly details: CaseDetailsService,
    private readonly actions: CaseActionsService,
  ) {}

  @Get()
  @Staff('center', 'officer', 'head', 'integrity', 'executive')
  @ApiOkResponse({ type: QueuePageDto })
  @ApiErrors(400)
  list(@CurrentUser() user: StaffUser, @Query() query: CaseQueueQueryDto): Promise<QueuePageDto> {
    return this.queue.page(user, query);
  }

  @Post()
  @HttpCode(201)
  @Staff('center', 'integrity')
  @ApiCreatedResponse({ type: RegisteredCaseDto })
  @ApiErrors({ 400: 'A field is wrong (an unknown category, a letter number on a phone call, …); `details` names each one' })
  register(@CurrentUser() user: StaffUser, @Body() dto: RegisterCaseDto): Promise<RegisteredCaseDto> {
    return this.registration.register(user, dto);
  }

  @Get(':id')
  @Staff('center', 'officer', 'head', 'integrity', 'executive')
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrors({ 404: 'No such case, or not one you may see' })
  get(@CurrentUser() user: StaffUser, @Param('id') id: string): Promise<CaseDetailDto> {
    return this.details.get(user, id);
  }

  @Post(':id/actions')
  // Above @Staff: applied after it, so that its 403 body (with allowedActions) is the one documented.
  @ApiForbiddenResponse({ type: ActionRefusedDto, description: 'This role may not take this action on the case; `allowedActions` lists what it may' })
  @HttpCode(200)
  @Staff('center', 'officer', 'head', 'integrity')
  @ApiOkResponse({ type: CaseDetailDto, description: 'The case after the action, with its timeline' })
  @ApiConflictResponse({ type: ActionRefusedDto, description: 'Not allowed in the current status; `allowedActions` lists what is' })
  @ApiErrors({ 400: 'A field is wrong or missing for the action (e.g. assign without departmentId); `details` names it', 404: 'No such case, or not one you may see' })
  act(@CurrentUser() user: StaffUser, @Param('id') id: string, @Body() dto: CaseActionDto): Promise<CaseDetailDto> {
    return this.actions.perform(user, id, dto);
  }
}
