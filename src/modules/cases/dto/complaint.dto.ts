import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, Matches } from 'class-validator';
import { OptionalText, RequiredText } from '../../../common/validation/decorators';
import { IsThaiPhone, normalizeThaiPhone } from '../../../common/validation/thai-phone';

export const SUBJECT_MAX = 200;
export const DESCRIPTION_MAX = 10_000;

/** Who complains: the same fields whether they file on the web or an officer writes them down. */
export class ComplainantDto {
  @ApiProperty({ maxLength: 200, example: 'สมชาย ใจดี' })
  @RequiredText(200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 254, example: 'somchai@example.com' })
  @OptionalText(254)
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: '081-234-5678', description: 'Thai number; stored as 0812345678' })
  @Transform(({ value }) => (typeof value === 'string' ? (normalizeThaiPhone(value) ?? (value.trim() || undefined)) : value))
  @IsOptional()
  @IsThaiPhone()
  phone?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @OptionalText(500)
  address?: string;
}

/** What every complaint says, whoever enters it. */
export class ComplaintDto {
  @ApiProperty({ maxLength: SUBJECT_MAX, example: 'ไฟถนนดับทั้งซอย' })
  @RequiredText(SUBJECT_MAX)
  subject!: string;

  @ApiProperty({ maxLength: DESCRIPTION_MAX })
  @RequiredText(DESCRIPTION_MAX)
  description!: string;

  @ApiPropertyOptional({ example: 'street_lights', description: 'A category code of the case kind' })
  @OptionalText(48)
  @Matches(/^[a-z][a-z0-9_]+$/, { message: '$property must be a category code' })
  categoryCode?: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'ซอยเทศบาล 5 หน้าตลาด' })
  @OptionalText(500)
  location?: string;
}
