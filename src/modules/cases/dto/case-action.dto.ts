import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { OptionalText } from '../../../common/validation/decorators';
import { CASE_ACTIONS, CaseAction } from '../case-workflow';

export class CaseActionDto {
  @ApiProperty({ enum: CASE_ACTIONS })
  @IsIn(CASE_ACTIONS)
  action!: CaseAction;

  @ApiPropertyOptional({
    maxLength: 5000,
    description: 'The reason (reject), note, progress (update), explanation (explain) or outcome (resolve)',
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

  @ApiPropertyOptional({ description: 'merge: the case this one duplicates' })
  @IsOptional()
  @IsUUID()
  targetCaseId?: string;
}
