import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CASE_KINDS, CaseKind, Channel, CHANNELS } from '../../cases';
import { PERIODS, Period } from '../report-periods';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class FiscalYearQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 2540, maximum: 2700, description: 'Fiscal year in the Buddhist Era (FY 2569 = 1 Oct 2025 – 30 Sep 2026); the current one when absent', example: 2569 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2540)
  @Max(2700)
  fiscalYear?: number;
}

export class SummaryQueryDto extends FiscalYearQueryDto {
  @ApiPropertyOptional({ enum: PERIODS, default: 'month', description: 'month: 12 rows, quarter: 4, half: 2 (Oct–Mar, Apr–Sep), year: 1' })
  @IsOptional()
  @IsIn(PERIODS)
  period?: Period;

  @ApiPropertyOptional({
    enum: CASE_KINDS,
    description: 'The kind reported in detail; your own kind when absent (integrity: corruption, everyone else: general). The other kind appears only as counts in byKind.',
  })
  @IsOptional()
  @IsIn(CASE_KINDS)
  kind?: CaseKind;

  @ApiPropertyOptional({ description: 'Only cases of this department (a head or officer always sees their own)' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'json', description: 'csv (UTF-8 with BOM), xlsx (one sheet per breakdown), pdf (for the executive meeting)' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 12, description: 'PDF only: one period of the chosen kind (1-based, e.g. period=half&part=1 for Oct–Mar); the whole year when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  part?: number;
}

export class BreakdownEntryDto {
  @ApiProperty({ nullable: true, type: String, description: 'kind, channel, department id or category id; null for "none" (unassigned, uncategorised)' })
  key!: string | null;
  @ApiProperty() label!: string;
  @ApiProperty() labelEn!: string;
  @ApiProperty() received!: number;
  @ApiProperty() resolved!: number;
  @ApiProperty() resolvedWithinDeadline!: number;
  @ApiProperty() open!: number;
  @ApiProperty() overdue!: number;
}

export class SatisfactionDto {
  @ApiProperty({ description: 'Ratings given (1–5) for the cases counted' }) responses!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean rating, two decimals' }) average!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Share of ratings of 4 or 5, in %' }) satisfiedPct!: number | null;
  @ApiProperty({ description: 'The target of seed 004: at least 80 % satisfied' }) targetPct!: number;
}

export class SummaryRowDto {
  @ApiProperty({ description: 'Thai label, e.g. "ต.ค. 2568"' }) label!: string;
  @ApiProperty() labelEn!: string;
  @ApiProperty({ description: 'First day, Bangkok calendar (YYYY-MM-DD)' }) from!: string;
  @ApiProperty({ description: 'Last day, inclusive' }) to!: string;
  @ApiProperty({ description: 'Cases received in the period (the register, duplicates included)' }) received!: number;
  @ApiProperty({ description: 'Of those, resolved at least once (first_resolved_at set), even if reopened since' }) resolved!: number;
  @ApiProperty({ description: 'First resolved on or before the due date' }) resolvedWithinDeadline!: number;
  @ApiProperty({ description: 'First resolved after the due date' }) resolvedLate!: number;
  @ApiProperty({ description: 'Open today (received, accepted, assigned, in progress)' }) open!: number;
  @ApiProperty({ description: 'Ever overdue (overdue_at set); stays counted after resolution' }) overdue!: number;
  @ApiProperty({ description: 'Rejected (ไม่รับพิจารณา)' }) rejected!: number;
  @ApiProperty({ description: 'Referred to an outside agency' }) referred!: number;
  @ApiProperty() withdrawn!: number;
  @ApiProperty({ description: 'Merged into another case as a duplicate' }) merged!: number;
  @ApiProperty({ description: 'No longer open and never overdue: finished (any way) before the due date' }) completedWithinDeadline!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'resolvedWithinDeadline / resolved, in %' }) resolvedWithinDeadlinePct!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The 15-day rate: completedWithinDeadline / (completedWithinDeadline + overdue), in %; cases still open and not yet due are not counted. An explanation does not count as finishing.',
  })
  withinDeadlinePct!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean of first_resolved_at − received_at, in days, one decimal' }) avgDaysToResolve!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Median of days to first resolution, a started day counting as one ("half were resolved within N days")' })
  medianDaysToResolve!: number | null;
  @ApiProperty({ type: [BreakdownEntryDto], description: 'Both kinds as counts (department staff: their own kind only)' }) byKind!: BreakdownEntryDto[];
  @ApiProperty({ type: [BreakdownEntryDto] }) byChannel!: BreakdownEntryDto[];
  @ApiProperty({ type: [BreakdownEntryDto] }) byDepartment!: BreakdownEntryDto[];
  @ApiProperty({ type: [BreakdownEntryDto] }) byCategory!: BreakdownEntryDto[];
  @ApiProperty({ type: SatisfactionDto }) satisfaction!: SatisfactionDto;
}

export class SummaryDto {
  @ApiProperty() fiscalYear!: number;
  @ApiProperty({ enum: PERIODS }) period!: Period;
  @ApiProperty({ enum: CASE_KINDS }) kind!: CaseKind;
  @ApiProperty({ nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: [...CHANNELS, null] }) channel!: Channel | null;
  @ApiProperty({ description: 'When the figures were read: they are exact as of this instant' }) asOf!: string;
  @ApiProperty({ type: [SummaryRowDto], description: 'One row per period, about the cases RECEIVED in it, with their state today' }) rows!: SummaryRowDto[];
  @ApiProperty({ type: SummaryRowDto, description: 'The same over the whole fiscal year' }) totals!: SummaryRowDto;
}
