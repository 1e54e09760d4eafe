import { ApiProperty } from '@nestjs/swagger';
import { SatisfactionDto } from './summary.dto';

export class PublicMonthDto {
  @ApiProperty({ example: 'ต.ค. 2568' }) label!: string;
  @ApiProperty({ example: 'Oct 2025' }) labelEn!: string;
  @ApiProperty({ example: '2025-10-01' }) from!: string;
  @ApiProperty({ example: '2025-10-31' }) to!: string;
  @ApiProperty() received!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() inProgress!: number;
}

export class PublicKindDto {
  @ApiProperty() received!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() inProgress!: number;
  @ApiProperty({ nullable: true, type: Number }) withinDeadlinePct!: number | null;
  @ApiProperty({ type: [PublicMonthDto] }) months!: PublicMonthDto[];
}

export class PublicStatisticsDto {
  @ApiProperty({ example: 2569 }) fiscalYear!: number;
  @ApiProperty({ type: PublicKindDto }) general!: PublicKindDto;
  @ApiProperty({ type: PublicKindDto }) corruption!: PublicKindDto;
  @ApiProperty({ type: SatisfactionDto }) satisfaction!: SatisfactionDto;
  @ApiProperty({ description: 'The instant the figures are exact for' }) asOf!: string;
}
