import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalText, RequiredText } from '../../../common/validation/decorators';

export class RevealDto {
  @ApiProperty({ maxLength: 1000, description: 'Why the identity is needed; kept in the audit log' })
  @RequiredText(1000)
  reason!: string;
}

export class RevealedIdentityDto {
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Only for cases an officer registered with an address' }) address!: string | null;
}

export class PendingApprovalDto {
  @ApiProperty({ enum: [true] }) pendingApproval!: true;
  @ApiProperty({ format: 'uuid', description: 'The request a custodian approves or refuses' }) requestId!: string;
}

export class DecisionDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'Kept in the audit log; required to refuse' })
  @OptionalText(1000)
  reason?: string;
}

export class RequesterDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class RevealRequestDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: RequesterDto, description: 'The integrity officer who asks' }) requestedBy!: RequesterDto;
  @ApiProperty() reason!: string;
  @ApiProperty() requestedAt!: Date;
  @ApiProperty({ enum: ['pending', 'approved', 'refused', 'used'] }) status!: string;
}

export class RevealRequestListDto {
  @ApiProperty({ type: [RevealRequestDto] }) items!: RevealRequestDto[];
}
