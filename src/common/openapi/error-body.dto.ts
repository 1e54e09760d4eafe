import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode, FieldError } from '../errors/domain-error';
import type { ErrorBody } from '../http/http-error.filter';

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'complainant.email', description: 'Dotted path of the input field' }) field!: string;
  @ApiProperty({ example: 'isEmail', description: 'The rule that failed: `required`, `unknownField`, `isEmail`, `maxLength`, …' })
  code!: string;
  @ApiProperty({ example: 'complainant.email must be an email' }) message!: string;
}

/** The one error body of the API (SPEC §4), as HttpErrorFilter writes it. */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ type: 'integer', example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request', description: 'The HTTP reason phrase' }) error!: string;
  @ApiProperty({ example: 'Validation failed' }) message!: string;
  @ApiPropertyOptional({
    enum: Object.values(ErrorCode),
    description: 'What went wrong, for programs; absent on answers of the HTTP layer (413, 429, an unknown route)',
  })
  code?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'On a 400: one entry per wrong field (at most 20)' })
  details?: FieldErrorDto[];
  @ApiPropertyOptional({ type: 'integer', description: 'How many more problems there were than `details` lists' })
  detailsOmitted?: number;
}
