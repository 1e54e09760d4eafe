import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CASE_KINDS, CaseKind } from '../../cases';
import type { RankedEntry, Ranking, Recurrence, RisingEntry } from '../recurrence/recurrence.service';
import { FiscalYearQueryDto } from './summary.dto';

export class RecurrenceQueryDto extends FiscalYearQueryDto {
  @ApiPropertyOptional({ enum: CASE_KINDS, description: 'Your own kind when absent' })
  @IsOptional()
  @IsIn(CASE_KINDS)
  kind?: CaseKind;

  @ApiPropertyOptional({ description: 'Only this department (a head or officer always sees their own)' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ type: 'integer', default: 10, minimum: 1, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class RankedEntryDto implements RankedEntry {
  @ApiProperty({ type: String, nullable: true, description: 'Category or department id, or the location as written; null for none' }) key!: string | null;
  @ApiProperty() label!: string;
  @ApiProperty() labelEn!: string;
  @ApiProperty({ type: 'integer' }) received!: number;
  @ApiProperty({ type: 'integer' }) overdue!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'overdue / received in %; null below minCasesForRate cases' }) overdueRatePct!: number | null;
}

export class RankingDto implements Ranking {
  @ApiProperty({ type: [RankedEntryDto] }) byVolume!: RankedEntryDto[];
  @ApiProperty({ type: [RankedEntryDto] }) byOverdueRate!: RankedEntryDto[];
}

export class RisingEntryDto implements RisingEntry {
  @ApiProperty({ type: String, nullable: true }) key!: string | null;
  @ApiProperty() label!: string;
  @ApiProperty() labelEn!: string;
  @ApiProperty({ type: 'integer', description: 'Cases in the months compared, this fiscal year' }) current!: number;
  @ApiProperty({ type: 'integer', description: 'The same months of the previous fiscal year' }) previous!: number;
  @ApiProperty({ type: 'integer' }) change!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null when there were none before' }) changePct!: number | null;
}

export class ComparedMonthsDto {
  @ApiProperty({ example: 'ต.ค. 2569' }) from!: string;
  @ApiProperty({ example: 'พ.ย. 2569' }) to!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
}

export class RecurrenceDto implements Recurrence {
  @ApiProperty({ type: 'integer', example: 2569 }) fiscalYear!: number;
  @ApiProperty({ type: 'integer', example: 2568 }) comparedWith!: number;
  @ApiProperty({ enum: CASE_KINDS }) kind!: CaseKind;
  @ApiProperty({ type: ComparedMonthsDto, description: 'The months compared with the same months of the previous year' }) months!: ComparedMonthsDto;
  @ApiProperty({ type: 'integer' }) minCasesForRate!: number;
  @ApiProperty({ type: RankingDto }) categories!: RankingDto;
  @ApiProperty({ type: RankingDto }) departments!: RankingDto;
  @ApiProperty({ type: RankingDto }) locations!: RankingDto;
  @ApiProperty({ type: [RisingEntryDto] }) risingCategories!: RisingEntryDto[];
}
