import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { RequiredText } from '../../../common/validation/decorators';
import { CASE_KINDS, type CaseKind } from '../../cases';
import { QueryBoolean, UnlessAbsent } from '../../../common/validation/decorators';
import { Category } from '../category.entity';

const NAME_MAX = 200;

export class CreateCategoryDto {
  @ApiProperty({ example: 'parks', pattern: '^[a-z][a-z0-9_]{1,47}$', description: 'Fixed for good once created' })
  @RequiredText(48)
  @Matches(/^[a-z][a-z0-9_]{1,47}$/, { message: '$property must be 2-48 characters: a-z first, then a-z, 0-9 or _' })
  code!: string;

  @ApiProperty({ enum: CASE_KINDS, description: 'Fixed for good once created' })
  @IsIn(CASE_KINDS)
  kind!: CaseKind;

  @ApiProperty({ maxLength: NAME_MAX, example: 'สวนสาธารณะ' })
  @RequiredText(NAME_MAX)
  nameTh!: string;

  @ApiProperty({ maxLength: NAME_MAX, example: 'Parks' })
  @RequiredText(NAME_MAX)
  nameEn!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'An active department; general categories only (corruption goes to the integrity officer)',
  })
  @IsOptional()
  @IsUUID('loose')
  defaultDepartmentId?: string | null;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional({ maxLength: NAME_MAX })
  @UnlessAbsent()
  @RequiredText(NAME_MAX)
  nameTh?: string;

  @ApiPropertyOptional({ maxLength: NAME_MAX })
  @UnlessAbsent()
  @RequiredText(NAME_MAX)
  nameEn?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null: no default; the centre routes by hand' })
  @IsOptional()
  @IsUUID('loose')
  defaultDepartmentId?: string | null;

  @ApiPropertyOptional({ description: 'false retires the category; it stays on the cases that name it' })
  @UnlessAbsent()
  @IsBoolean()
  active?: boolean;
}

export class ListCategoriesQueryDto {
  @ApiPropertyOptional({ enum: CASE_KINDS })
  @IsOptional()
  @IsIn(CASE_KINDS)
  kind?: CaseKind;

  @ApiPropertyOptional({ description: 'Administrators only; ignored for other roles' })
  @QueryBoolean()
  @IsOptional()
  @IsBoolean()
  includeInactive?: boolean;
}

export class CategoryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'street_lights' }) code!: string;
  @ApiProperty({ enum: CASE_KINDS }) kind!: CaseKind;
  @ApiProperty({ example: 'ไฟฟ้าสาธารณะ', description: 'The Thai name' }) name!: string;
  @ApiProperty({ example: 'Street lights' }) nameEn!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) defaultDepartmentId!: string | null;
  @ApiProperty() active!: boolean;
}

export class CategoryListDto {
  @ApiProperty({ type: [CategoryDto] }) items!: CategoryDto[];
}

export function toCategoryDto(c: Category): CategoryDto {
  return {
    id: c.id,
    code: c.code,
    kind: c.kind,
    name: c.nameTh,
    nameEn: c.nameEn,
    defaultDepartmentId: c.defaultDepartmentId,
    active: c.active,
  };
}
