import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { OptionalText } from '../../../common/validation/decorators';
import { CASE_ACTIONS, CaseAction, CORRUPTION_OUTCOMES, CorruptionOutcome } from '../case-workflow';

export class CaseActionDto {
  @ApiProperty({
    enum: CASE_ACTIONS,
    description:
      'investigate (fact-finding), conclude, discipline and message apply to corruption cases only; assign, share, start and resolve to general cases only',
  })
  @IsIn(CASE_ACTIONS)
  action!: CaseAction;

  @ApiPropertyOptional({
    maxLength: 5000,
    description:
      'The reason (reject), note, progress (update), explanation (explain), outcome (resolve, conclude), disciplinary step (discipline) or the text written to the whistleblower (message: they read it after following up; their email, if any, only says that there is news)',
  })
  @OptionalText(5000)
  message?: string;

  @ApiPropertyOptional({ description: 'assign, share' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ description: 'assign: an officer or head of that department' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'explain: the new expected date (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expectedAt?: string;

  @ApiPropertyOptional({ maxLength: 300, description: 'refer: the outside agency' })
  @OptionalText(300)
  agency?: string;

  @ApiPropertyOptional({
    enum: CORRUPTION_OUTCOMES,
    description: 'conclude (corruption cases): the outcome of the fact-finding; a referral (referred_*) leaves the case referred to that body',
  })
  @IsOptional()
  @IsIn(CORRUPTION_OUTCOMES)
  outcome?: CorruptionOutcome;

  @ApiPropertyOptional({ description: 'merge: the case this one duplicates' })
  @IsOptional()
  @IsUUID()
  targetCaseId?: string;
}
