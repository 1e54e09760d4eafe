import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Staff } from '../../auth/staff.decorator';
import type { StaffUser } from '../../auth/staff-user';
import { IdentityRevealService } from './identity-reveal.service';
import {
  DecisionDto,
  PendingApprovalDto,
  RevealDto,
  RevealedIdentityDto,
  RevealErrorDto,
  RevealRequestDto,
  RevealRequestListDto,
} from './reveal.dto';

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
  @ApiBadRequestResponse({ type: RevealErrorDto, description: '`reason` is missing' })
  @ApiNotFoundResponse({ type: RevealErrorDto, description: 'No corruption case with this id, or the reporter gave no identity' })
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
  @ApiForbiddenResponse({ type: RevealErrorDto, description: 'One’s own request, or a role that is no custodian' })
  @ApiNotFoundResponse({ type: RevealErrorDto, description: 'No such request' })
  @ApiConflictResponse({ type: RevealErrorDto, description: 'Already decided' })
  approve(@CurrentUser() user: StaffUser, @Param('requestId') id: string, @Body() dto: DecisionDto): Promise<RevealRequestDto> {
    return this.reveals.decide(user, id, 'approved', dto.reason);
  }

  @Post('identity-reveals/:requestId/refuse')
  @HttpCode(200)
  @Staff('integrity', 'admin')
  @ApiOperation({ summary: 'Refuse a reveal request, with a reason' })
  @ApiOkResponse({ type: RevealRequestDto })
  @ApiBadRequestResponse({ type: RevealErrorDto, description: '`reason` is missing' })
  @ApiForbiddenResponse({ type: RevealErrorDto, description: 'One’s own request, or a role that is no custodian' })
  @ApiNotFoundResponse({ type: RevealErrorDto, description: 'No such request' })
  @ApiConflictResponse({ type: RevealErrorDto, description: 'Already decided' })
  refuse(@CurrentUser() user: StaffUser, @Param('requestId') id: string, @Body() dto: DecisionDto): Promise<RevealRequestDto> {
    return this.reveals.decide(user, id, 'refused', dto.reason);
  }
}
