import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsISO8601, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { OptionalText, RequiredText } from '../../../common/validation/decorators';
import { IsThaiPhone, normalizeThaiPhone } from '../../../common/validation/thai-phone';
import { DESCRIPTION_MAX, SUBJECT_MAX } from '../../cases';

export class AccusedDto {
  @ApiPropertyOptional({ maxLength: 200 }) @OptionalText(200) name?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @OptionalText(200) position?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @OptionalText(200) department?: string;
}

/** Optional, and sealed in the vault when given: only an integrity officer who records a reason can read it. */
export class WhistleblowerIdentityDto {
  @ApiProperty({ maxLength: 200 }) @RequiredText(200) name!: string;

  @ApiPropertyOptional({ maxLength: 254, description: 'For a mail that only says "there is news"; never any content' })
  @OptionalText(254)
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: '081-234-5678' })
  @Transform(({ value }) => (typeof value === 'string' ? (normalizeThaiPhone(value) ?? (value.trim() || undefined)) : value))
  @IsOptional()
  @IsThaiPhone()
  phone?: string;
}

export class PowAnswerDto {
  @ApiProperty({ description: 'The id of a challenge from GET /api/v1/whistleblower/challenge' }) @IsUUID() id!: string;

  @ApiProperty({ example: '48213', description: 'Decimal: SHA-256(salt + nonce) begins with `difficulty` zero bits' })
  @IsString()
  @Matches(/^\d{1,16}$/, { message: '$property must be a decimal number of at most 16 digits' })
  nonce!: string;
}

export class FileReportDto {
  @ApiProperty({ maxLength: SUBJECT_MAX }) @RequiredText(SUBJECT_MAX) subject!: string;
  @ApiProperty({ maxLength: DESCRIPTION_MAX }) @RequiredText(DESCRIPTION_MAX) description!: string;

  @ApiPropertyOptional({ type: AccusedDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AccusedDto)
  accused?: AccusedDto;

  @ApiPropertyOptional({ example: '2026-10-15', description: 'When it happened (a date), if known' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date (YYYY-MM-DD)' })
  incidentDate?: string;

  @ApiPropertyOptional({ type: WhistleblowerIdentityDto, description: 'Leave out to report anonymously' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WhistleblowerIdentityDto)
  identity?: WhistleblowerIdentityDto;

  @ApiPropertyOptional({
    type: PowAnswerDto,
    description: 'The solved challenge; without it (no JavaScript) a stricter per-client limit applies (WHISTLEBLOWER_NO_POW_LIMIT an hour)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PowAnswerDto)
  pow?: PowAnswerDto;
}

export class FiledReportDto {
  @ApiProperty({ example: '4821 0093 5512 7730', description: 'Shown once, never stored: the only key to the report. 16 digits in groups of four' })
  receiptCode!: string;

  @ApiProperty({ example: 'C-2570-000012' }) referenceNo!: string;
}

export class ChallengeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015' }) salt!: string;
  @ApiProperty({ example: 16, description: 'Leading zero bits of SHA-256(salt + nonce)' }) difficulty!: number;
}

export class AccessDto {
  @ApiProperty({ example: '4821 0093 5512 7730', description: '16 digits; spaces or dashes between groups are fine' })
  @IsString()
  receiptCode!: string;
}

export class ReceiptTokenDto {
  @ApiProperty({ description: 'Bearer token for the /api/v1/whistleblower/report endpoints; never a staff token' }) token!: string;
  @ApiProperty({ example: 900, description: 'Seconds until it expires' }) expiresIn!: number;
}

export class NewMessageDto {
  @ApiProperty({ maxLength: 5000 }) @RequiredText(5000) body!: string;
}

export class ReportMessageDto {
  @ApiProperty() at!: Date;
  @ApiProperty({ enum: ['whistleblower', 'integrity'], description: 'Who wrote it; an officer is never named' }) from!: 'whistleblower' | 'integrity';
  @ApiProperty() body!: string;
}

export class ReportTimelineEntryDto {
  @ApiProperty() at!: Date;
  @ApiProperty({ example: 'investigate' }) action!: string;
  @ApiProperty({ example: 'in_progress' }) status!: string;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'conclude: the outcome of the fact-finding' }) outcome!: string | null;
}

export class WhistleblowerReportDto {
  @ApiProperty({ example: 'C-2570-000012' }) referenceNo!: string;
  @ApiProperty({ example: 'in_progress' }) status!: string;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty() dueAt!: Date;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: [ReportTimelineEntryDto], description: 'The public steps, oldest first' }) timeline!: ReportTimelineEntryDto[];
  @ApiProperty({ type: [ReportMessageDto], description: 'Messages both ways, oldest first' }) messages!: ReportMessageDto[];
  @ApiProperty({ description: 'Files the whistleblower has added' }) attachments!: number;
}
