import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { RequiredText } from '../../../common/validation/decorators';

export class ChangeDueDateDto {
  @ApiPropertyOptional({
    description: 'The corrected date the complaint really arrived (ISO 8601). Absent: recount from the current one under today’s rules (the working-days setting, the holidays).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;

  @ApiProperty({ description: 'Why the due date changes; kept on the internal timeline and in the audit log', maxLength: 2000 })
  @RequiredText(2000)
  reason!: string;
}

export class DueDateDto {
  @ApiProperty() id!: string;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty() dueAt!: Date;
  @ApiProperty({ description: 'The due date before the change' }) previousDueAt!: Date;
}
