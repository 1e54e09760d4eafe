import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PERIODS, Period } from '../report-periods';

export const NOTE_MAX = 5000;

export class NoteKeyDto {
  @ApiProperty({ type: 'integer', minimum: 2540, maximum: 2700, example: 2569 })
  @Type(() => Number)
  @IsInt()
  @Min(2540)
  @Max(2700)
  fiscalYear!: number;

  @ApiProperty({ enum: PERIODS })
  @IsIn(PERIODS)
  period!: Period;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12, description: '1-based within the fiscal year: month 1 = October, half 1 = Oct–Mar, year: 1' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  part!: number;
}

const text = () => (target: object, key: string) => {
  IsOptional()(target, key);
  IsString()(target, key);
  MaxLength(NOTE_MAX)(target, key);
};

/** The centre's free text for the period: problems, obstacles and solutions (seed 004, project 24 items 7 and 10). */
export class SaveNoteDto {
  @ApiPropertyOptional({ maxLength: NOTE_MAX, description: 'ปัญหา' })
  @text()
  problems?: string;

  @ApiPropertyOptional({ maxLength: NOTE_MAX, description: 'อุปสรรค' })
  @text()
  obstacles?: string;

  @ApiPropertyOptional({ maxLength: NOTE_MAX, description: 'แนวทางแก้ไข' })
  @text()
  solutions?: string;
}

export class ReportNoteDto {
  @ApiProperty() fiscalYear!: number;
  @ApiProperty({ enum: PERIODS }) period!: Period;
  @ApiProperty() part!: number;
  @ApiProperty() problems!: string;
  @ApiProperty() obstacles!: string;
  @ApiProperty() solutions!: string;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty({ nullable: true, type: String }) updatedBy!: string | null;
}

export class ReportNotesDto {
  @ApiProperty({ type: [ReportNoteDto] }) items!: ReportNoteDto[];
}
