import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsISO8601, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { NotBefore, OptionalText } from '../../../common/validation/decorators';
import { ComplainantDto, ComplaintDto } from './complaint.dto';
import { CASE_KINDS, CHANNELS } from '../case.types';

/** Channels an officer registers from; `web` is the citizen's own filing. */
export const OFFLINE_CHANNELS = CHANNELS.filter((c) => c !== 'web');

/** An offline complaint: the public body, plus how and when it really arrived. */
export class RegisterCaseDto extends ComplaintDto {
  @ApiProperty({ enum: CASE_KINDS })
  @IsIn(CASE_KINDS)
  kind!: (typeof CASE_KINDS)[number];

  @ApiProperty({ enum: OFFLINE_CHANNELS })
  @IsIn(OFFLINE_CHANNELS)
  channel!: (typeof OFFLINE_CHANNELS)[number];

  @ApiProperty({ description: 'When the complaint really arrived (ISO 8601); the 15 days count from it' })
  @IsISO8601({ strict: true })
  @NotBefore('2000-01-01')
  receivedAt!: string;

  @ApiPropertyOptional({ description: 'The complainant did not give a name: nobody is notified' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ type: ComplainantDto, description: 'Required unless anonymous' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ComplainantDto)
  complainant?: ComplainantDto;

  @ApiPropertyOptional({ description: 'The complainant consented to the use of their personal data (as on the public form)' })
  @IsOptional()
  @IsBoolean()
  consent?: boolean;

  @ApiPropertyOptional({ description: "A letter's own number (เลขที่หนังสือ); letters only" })
  @OptionalText(100)
  letterNo?: string;

  @ApiPropertyOptional({ description: "A letter's own date (YYYY-MM-DD); letters only" })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' })
  letterDate?: string;
}

export class RegisteredCaseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null for corruption cases' }) trackingCode!: string | null;
  @ApiProperty() referenceNo!: string;
  @ApiProperty() status!: string;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty() dueAt!: Date;
}
