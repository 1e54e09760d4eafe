import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CASE_KINDS, CaseKind } from '../../cases';
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

  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}
