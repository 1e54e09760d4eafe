import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { RequiredText } from '../../../common/validation/decorators';
import type { Role } from '../../users/user.entity';
import { Department } from '../department.entity';
import { QueryBoolean, UnlessAbsent } from '../../../common/validation/decorators';

export const NAME_MAX = 200;

export class CreateDepartmentDto {
  @ApiProperty({ example: 'welfare', pattern: '^[a-z][a-z0-9_]{1,31}$', description: 'Fixed for good once created' })
  @RequiredText(32)
  @Matches(/^[a-z][a-z0-9_]{1,31}$/, { message: '$property must be 2-32 characters: a-z first, then a-z, 0-9 or _' })
  code!: string;

  @ApiProperty({ maxLength: NAME_MAX, example: 'กองสวัสดิการสังคม' })
  @RequiredText(NAME_MAX)
  nameTh!: string;

  @ApiProperty({ maxLength: NAME_MAX, example: 'Social Welfare Division' })
  @RequiredText(NAME_MAX)
  nameEn!: string;
}

export class UpdateDepartmentDto {
  @ApiPropertyOptional({ maxLength: NAME_MAX })
  @UnlessAbsent()
  @RequiredText(NAME_MAX)
  nameTh?: string;

  @ApiPropertyOptional({ maxLength: NAME_MAX })
  @UnlessAbsent()
  @RequiredText(NAME_MAX)
  nameEn?: string;

  @ApiPropertyOptional({ description: 'false retires the department; it stays on the cases that name it' })
  @UnlessAbsent()
  @IsBoolean()
  active?: boolean;
}

export class ListDepartmentsQueryDto {
  @ApiPropertyOptional({ description: 'Administrators only; ignored for other roles' })
  @QueryBoolean()
  @IsOptional()
  @IsBoolean()
  includeInactive?: boolean;
}

export class DepartmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'works' }) code!: string;
  @ApiProperty({ example: 'กองช่าง', description: 'The Thai name' }) name!: string;
  @ApiProperty({ example: 'Public Works Division' }) nameEn!: string;
  @ApiProperty() active!: boolean;
}

export class DepartmentListDto {
  @ApiProperty({ type: [DepartmentDto] }) items!: DepartmentDto[];
}

export function toDepartmentDto(d: Department): DepartmentDto {
  return { id: d.id, code: d.code, name: d.nameTh, nameEn: d.nameEn, active: d.active };
}

export class DepartmentStaffDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'เจ้าหน้าที่กองช่าง' }) displayName!: string;
  @ApiProperty({ example: 'works@example.go.th' }) email!: string;
  @ApiProperty({ enum: ['officer', 'head'] }) role!: Role;
}

export class DepartmentStaffListDto {
  @ApiProperty({ type: [DepartmentStaffDto] }) items!: DepartmentStaffDto[];
}
