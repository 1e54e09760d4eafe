import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Staff } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { CaseActionsService } from './case-actions.service';
import { CaseDetail, CaseDetailsService } from './case-details.service';
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
  list(@CurrentUser() user: StaffUser, @Query() query: CaseQueueQueryDto): Promise<QueuePageDto> {
    return this.queue.page(user, query);
  }

  @Post()
  @HttpCode(201)
  @Staff('center', 'integrity')
  @ApiCreatedResponse({ type: RegisteredCaseDto })
  register(@CurrentUser() user: StaffUser, @Body() dto: RegisterCaseDto): Promise<RegisteredCaseDto> {
    return this.registration.register(user, dto);
  }

  @Get(':id')
  @Staff('center', 'officer', 'head', 'integrity', 'executive')
  @ApiOkResponse({
    description:
      'The case, its full timeline `[{ id, at, action, fromStatus, toStatus, public, message, actor, departmentId, assigneeId, expectedAt, agency, relatedCaseId, outcome }]` (oldest first) and `allowedActions`. ' +
      'On a corruption case the messages with the whistleblower are timeline lines too, both internal: `whistleblower_message` (from them; `actor` null) and `message` (to them, from the integrity officer); `conclude` lines carry `outcome`. ' +
      "A corruption case's `complainant` is `{ anonymous: false, vaulted: true }` when the vault holds an identity (POST /api/v1/cases/:id/identity/reveal), else `{ anonymous: true }`.",
  })
  @ApiNotFoundResponse({ description: 'No such case, or not one you may see' })
  get(@CurrentUser() user: StaffUser, @Param('id') id: string): Promise<CaseDetail> {
    return this.details.get(user, id);
  }

  @Post(':id/actions')
  @HttpCode(200)
  @Staff('center', 'officer', 'head', 'integrity')
  @ApiOkResponse({ description: 'The case after the action, with its timeline' })
  @ApiConflictResponse({ description: 'Not allowed in the current status; `allowedActions` lists what is' })
  act(@CurrentUser() user: StaffUser, @Param('id') id: string, @Body() dto: CaseActionDto): Promise<CaseDetail> {
    return this.actions.perform(user, id, dto);
  }
}
