import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { RequiredText } from '../../../common/validation/decorators';

export class CreateHolidayDto {
  @ApiProperty({ example: '2026-07-31', description: 'A date in Bangkok, YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'date must be a real calendar date' })
  date!: string;

  @ApiProperty({ example: 'วันหยุดพิเศษ', maxLength: 200 }) @RequiredText(200) nameTh!: string;
  @ApiProperty({ example: 'Special holiday', maxLength: 200 }) @RequiredText(200) nameEn!: string;
}

export class HolidaysQueryDto {
  @ApiProperty({ required: false, type: 'integer', minimum: 2000, maximum: 2100, example: 2026, description: 'Year CE; this year when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class HolidayDto {
  @ApiProperty({ example: '2026-04-13' }) date!: string;
  @ApiProperty() nameTh!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty({ enum: ['library', 'substitute', 'admin'], description: 'Only `admin` ones can be removed' }) source!: string;
}

export class HolidayListDto {
  @ApiProperty({ type: [HolidayDto] }) items!: HolidayDto[];
}
