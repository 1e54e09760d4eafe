import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../../common/openapi/api-errors.decorator';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Staff } from '../../auth/staff.decorator';
import type { StaffUser } from '../../auth/staff-user';
import { IdentityRevealService } from './identity-reveal.service';
import {
  DecisionDto,
  PendingApprovalDto,
  RevealDto,
  RevealedIdentityDto,
  RevealRequestDto,
  RevealRequestListDto,
} from './reveal.dto';

const CUSTODIAN_REFUSALS = {
  403: 'One’s own request, or a role that is no custodian',
  404: 'No such request',
  409: 'Already decided',
} as const;

@ApiTags('whistleblower')
@Controller('api/v1')
export class IdentityRevealController {
  constructor(private readonly reveals: IdentityRevealService) {}

  @Post('cases/:id/identity/reveal')
  @HttpCode(200)
  @Staff('integrity')
  @ApiOperation({
    summary: "Reveal a corruption case's reporter, with a recorded reason (audited as identity_reveal)",
    description:
      'With the setting identity.revealNeedsApproval, the first call files a request (202) that another integrity officer or an administrator approves at POST /api/v1/identity-reveals/:requestId/approve; the same call then reveals, once, within 24 hours of the approval.',
  })
  @ApiOkResponse({ type: RevealedIdentityDto })
  @ApiAcceptedResponse({ type: PendingApprovalDto, description: 'Waiting for a second person to approve' })
  @ApiErrors({ 400: '`reason` is missing', 404: 'No corruption case with this id, or the reporter gave no identity' })
  async reveal(
    @CurrentUser() user: StaffUser,
    @Param('id') caseId: string,
    @Body() dto: RevealDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RevealedIdentityDto | PendingApprovalDto> {
    const outcome = await this.reveals.reveal(user, caseId, dto.reason);
    if ('pending' in outcome) {
      reply.status(202);
      return outcome.pending;
    }
    return outcome.revealed;
  }

  @Get('identity-reveals')
  @Staff('integrity', 'admin')
  @ApiOperation({ summary: 'Reveal requests waiting for a custodian, oldest first' })
  @ApiOkResponse({ type: RevealRequestListDto })
  async pending(): Promise<RevealRequestListDto> {
    return { items: await this.reveals.pending() };
  }

  @Post('identity-reveals/:requestId/approve')
  @HttpCode(200)
  @Staff('integrity', 'admin')
  @ApiOperation({ summary: 'Approve a reveal request (not one’s own); the approver never sees the identity' })
  @ApiOkResponse({ type: RevealRequestDto })
  @ApiErrors(CUSTODIAN_REFUSALS)
  approve(@CurrentUser() user: StaffUser, @Param('requestId') id: string, @Body() dto: DecisionDto): Promise<RevealRequestDto> {
    return this.reveals.decide(user, id, 'approved', dto.reason);
  }

  @Post('identity-reveals/:requestId/refuse')
  @HttpCode(200)
  @Staff('integrity', 'admin')
  @ApiOperation({ summary: 'Refuse a reveal request, with a reason' })
  @ApiOkResponse({ type: RevealRequestDto })
  @ApiErrors(CUSTODIAN_REFUSALS, { 400: '`reason` is missing' })
  refuse(@CurrentUser() user: StaffUser, @Param('requestId') id: string, @Body() dto: DecisionDto): Promise<RevealRequestDto> {
    return this.reveals.decide(user, id, 'refused', dto.reason);
  }
}
