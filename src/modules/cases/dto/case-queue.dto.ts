import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { CASE_KINDS, CASE_STATUSES, CaseKind, CaseStatus, Channel, CHANNELS } from '../case.types';

export const QUEUE_VIEWS = ['unscreened', 'mine', 'due_soon', 'overdue', 'awaiting_explanation'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const QUEUE_SORTS = ['dueAt', '-dueAt', 'receivedAt', '-receivedAt', 'updatedAt', '-updatedAt'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

const csv = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CaseQueueQueryDto {
  @ApiPropertyOptional({
    enum: QUEUE_VIEWS,
    description:
      'Built-in views: unscreened (new, not yet screened), mine (assigned to me), due_soon (open, due within 3 days), overdue (open, past due), awaiting_explanation (overdue with no explanation given)',
  })
  @IsOptional()
  @IsIn(QUEUE_VIEWS)
  view?: QueueView;

  @ApiPropertyOptional({ enum: CASE_KINDS })
  @IsOptional()
  @IsIn(CASE_KINDS)
  kind?: CaseKind;

  @ApiPropertyOptional({
    enum: CASE_STATUSES,
    isArray: true,
    // As parsed: one parameter, the statuses separated by commas (not status=a&status=b).
    style: 'form',
    explode: false,
    description: 'One status or several, comma-separated',
    example: 'received,accepted',
  } as ApiPropertyOptions)
  @IsOptional()
  @Transform(csv)
  @IsIn(CASE_STATUSES, { each: true })
  status?: CaseStatus[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string', format: 'uuid' }, { type: 'string', enum: ['me'] }],
    description: 'A user id, or `me` for the caller',
  })
  @IsOptional()
  @ValidateIf((o: CaseQueueQueryDto) => o.assigneeId !== 'me')
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ type: Boolean, description: '`true` or `false`' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Due strictly before this instant (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string;

  @ApiPropertyOptional({ description: 'A reference number, or words of the subject' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: QUEUE_SORTS, default: 'dueAt', description: 'A leading - sorts descending' })
  @IsOptional()
  @IsIn(QUEUE_SORTS)
  sort?: QueueSort;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ maxLength: 200, description: 'nextCursor from the previous page, with the same filters and sort' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class QueueItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() referenceNo!: string;
  @ApiProperty({ enum: CASE_KINDS }) kind!: CaseKind;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeId!: string | null;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty() dueAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty() overdue!: boolean;
}

export class QueuePageDto {
  @ApiProperty({ type: [QueueItemDto] }) items!: QueueItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'For the next page; null on the last one' }) nextCursor!: string | null;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(CASE_STATUSES.map((s) => [s, { type: 'integer' }])),
    description: 'Cases per status for the same filters, the status filter aside (for tabs); statuses with none are left out',
    example: { received: 3, accepted: 1 },
  })
  counts!: Partial<Record<CaseStatus, number>>;
  @ApiProperty({
    description:
      'True when `q` matched more cases than a search counts (1,000): `counts` are then of the first matches found, each a lower bound',
  })
  countsCapped!: boolean;
}
