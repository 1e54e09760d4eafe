import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { Equals, IsDefined, IsEmail, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { OptionalText, RequiredText } from '../../../common/validation/decorators';
import { IsThaiPhone, normalizeThaiPhone } from '../../../common/validation/thai-phone';

export const SUBJECT_MAX = 200;
export const DESCRIPTION_MAX = 10_000;

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

export class FileComplaintDto {
  @ApiProperty({ maxLength: SUBJECT_MAX, example: 'ไฟถนนดับทั้งซอย' })
  @RequiredText(SUBJECT_MAX)
  subject!: string;

  @ApiProperty({ maxLength: DESCRIPTION_MAX })
  @RequiredText(DESCRIPTION_MAX)
  description!: string;

  @ApiPropertyOptional({ example: 'street_lights', description: 'A code from the general categories' })
  @OptionalText(48)
  @Matches(/^[a-z][a-z0-9_]+$/, { message: '$property must be a category code' })
  categoryCode?: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'ซอยเทศบาล 5 หน้าตลาด' })
  @OptionalText(500)
  location?: string;

  @ApiProperty({ type: ComplainantDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ComplainantDto)
  complainant!: ComplainantDto;

  @ApiProperty({ enum: [true], description: 'Consent to the use of the personal data for this complaint' })
  @Equals(true, { message: '$property must be true: the complainant has to consent' })
  consent!: true;
}

export class FiledComplaintDto {
  @ApiProperty({ example: 'K7MQ9XR4TD2', description: 'Secret; the only key that reads the case' })
  trackingCode!: string;

  @ApiProperty({ example: 'G-2569-000123' })
  referenceNo!: string;

  @ApiProperty({ example: 'received' })
  status!: string;

  @ApiProperty()
  receivedAt!: Date;

  @ApiProperty()
  dueAt!: Date;
}

export class PublicTimelineEntryDto {
  @ApiProperty() at!: Date;
  @ApiProperty({ example: 'receive' }) action!: string;
  @ApiProperty({ nullable: true, example: 'received' }) status!: string | null;
  @ApiProperty({ nullable: true }) message!: string | null;
}

export class PublicCaseDto {
  @ApiProperty({ example: 'G-2569-000123' }) referenceNo!: string;
  @ApiProperty({ enum: ['general', 'corruption'] }) kind!: string;
  @ApiProperty({ example: 'received' }) status!: string;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty() dueAt!: Date;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: [PublicTimelineEntryDto] }) timeline!: PublicTimelineEntryDto[];
}

/** The web form posts flat fields; this shapes them like the API body. */
export function complaintFromForm(form: Record<string, unknown>): Record<string, unknown> {
  const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string) : undefined);
  return {
    subject: text('subject') ?? '',
    description: text('description') ?? '',
    categoryCode: text('categoryCode'),
    location: text('location'),
    complainant: {
      name: text('complainant.name') ?? '',
      email: text('complainant.email'),
      phone: text('complainant.phone'),
      address: text('complainant.address'),
    },
    consent: form.consent === 'yes',
  };
}
