import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { OptionalText } from '../../../common/validation/decorators';

export const FEEDBACK_COMMENT_MAX = 1000;

export class FeedbackDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: '1 = very dissatisfied … 5 = very satisfied' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @ApiPropertyOptional({ maxLength: FEEDBACK_COMMENT_MAX, description: 'Seen by staff only; never published' })
  @OptionalText(FEEDBACK_COMMENT_MAX)
  comment?: string;
}

export class FeedbackGivenDto {
  @ApiProperty() rating!: number;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty() createdAt!: Date;
}
