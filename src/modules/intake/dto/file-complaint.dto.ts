import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsDefined, IsObject, ValidateNested } from 'class-validator';
import { nullableObject } from '../../../common/openapi/nullable-object';
import { CASE_KINDS, CASE_STATUSES, CaseKind, CaseStatus, ComplainantDto, ComplaintDto, PublicCaseView } from '../../cases';

/** A citizen's own filing: the complaint, who they are, and their consent (PDPA). */
export class FileComplaintDto extends ComplaintDto {
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

  @ApiProperty({ enum: CASE_STATUSES, example: 'received' })
  status!: CaseStatus;

  @ApiProperty()
  receivedAt!: Date;

  @ApiProperty()
  dueAt!: Date;
}

export class PublicTimelineEntryDto {
  @ApiProperty() at!: Date;
  @ApiProperty({ example: 'receive' }) action!: string;
  @ApiProperty({ enum: [...CASE_STATUSES, null], nullable: true, type: String, description: 'The status the event led to' }) status!: CaseStatus | null;
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
  @ApiProperty({ type: Date, nullable: true, description: 'explain: when the complainant can now expect an answer' }) expectedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'refer: the outside agency now handling it' }) agency!: string | null;
  @ApiProperty(nullableObject({ name: { type: 'string' }, nameEn: { type: 'string' } }, 'assign: the division handling it'))
  department!: { name: string; nameEn: string } | null;
}

export class MergedIntoDto {
  @ApiProperty({ example: 'G-2569-000120' }) referenceNo!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
}

export class PublicCaseDto implements PublicCaseView {
  @ApiProperty({ example: 'G-2569-000123' }) referenceNo!: string;
  @ApiProperty({ enum: CASE_KINDS }) kind!: CaseKind;
  @ApiProperty({ enum: CASE_STATUSES, example: 'received' }) status!: CaseStatus;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty() dueAt!: Date;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: [PublicTimelineEntryDto], description: 'Public events only, oldest first; no names of staff' })
  timeline!: PublicTimelineEntryDto[];
  @ApiPropertyOptional({ type: MergedIntoDto, description: 'A duplicate that was merged: the case it joined' })
  mergedInto?: MergedIntoDto;
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
