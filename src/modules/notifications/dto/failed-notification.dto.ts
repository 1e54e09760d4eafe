import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class FailedNotificationsQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export class FailedNotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'deadline_notice' }) template!: string;
  @ApiProperty({ type: String, nullable: true }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'G-2569-000123' }) referenceNo!: string | null;
  @ApiProperty({ example: 's******@example.com', description: 'Masked: enough to recognise, not to copy' }) recipient!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The server’s status line; never an address' }) lastError!: string | null;
  @ApiProperty() createdAt!: Date;
}

export class FailedNotificationListDto {
  @ApiProperty({ type: [FailedNotificationDto] }) items!: FailedNotificationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class RetriedNotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'pending' }) status!: string;
}
