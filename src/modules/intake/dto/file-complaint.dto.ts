import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsDefined, IsObject, ValidateNested } from 'class-validator';
import { ComplainantDto, ComplaintDto } from '../../cases';

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
