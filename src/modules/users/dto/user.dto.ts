import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { RequiredText } from '../../../common/validation/decorators';
import { QueryBoolean, UnlessAbsent } from '../../../common/validation/decorators';
import { Role, ROLES, User } from '../user.entity';

export const PASSWORD_MIN = 12;
/** The sign-in endpoint accepts at most 200 characters; a longer password could never be used. */
export const PASSWORD_MAX = 200;
const DISPLAY_NAME_MAX = 200;

/** Not trimmed: spaces may be part of a passphrase. */
const Password = () =>
  applyDecorators(
    ApiProperty({ format: 'password', minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX }),
    IsString(),
    MinLength(PASSWORD_MIN),
    MaxLength(PASSWORD_MAX),
  );

const DepartmentId = () =>
  applyDecorators(
    ApiPropertyOptional({
      format: 'uuid',
      nullable: true,
      type: String,
      description: 'An active department: required for officer and head, null or absent for every other role',
    }),
    IsOptional(),
    IsUUID('loose'),
  );

export class CreateUserDto {
  @ApiProperty({ example: 'parks@example.go.th', description: 'Stored in lower case; unique whatever the case' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ maxLength: DISPLAY_NAME_MAX, example: 'สมหญิง รักงาน' })
  @RequiredText(DISPLAY_NAME_MAX)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @DepartmentId()
  departmentId?: string | null;

  @Password()
  password!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: DISPLAY_NAME_MAX })
  @UnlessAbsent()
  @RequiredText(DISPLAY_NAME_MAX)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @UnlessAbsent()
  @IsIn(ROLES)
  role?: Role;

  @DepartmentId()
  departmentId?: string | null;

  @ApiPropertyOptional({ description: 'false ends the account: no sign-in, and its current tokens stop working' })
  @UnlessAbsent()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    format: 'password',
    minLength: PASSWORD_MIN,
    maxLength: PASSWORD_MAX,
    description: 'A new password; also lifts a lock-out after failed sign-ins',
  })
  @UnlessAbsent()
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  password?: string;
}

export class ListUsersQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('loose')
  departmentId?: string;

  @ApiPropertyOptional({ description: 'Only active (true) or only deactivated (false) accounts; both when absent' })
  @QueryBoolean()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** What the API tells about a user: never the password hash, the sign-in failure state or the second factor's secret. */
export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'works@example.go.th' }) email!: string;
  @ApiProperty({ example: 'เจ้าหน้าที่กองช่าง' }) displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'Signs in with a second factor (TOTP); an administrator can reset it' }) otpEnrolled!: boolean;
}

export class UserListDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
}

export function toUserDto(u: User): UserDto {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    departmentId: u.departmentId,
    active: u.active,
    otpEnrolled: u.otpEnrolledAt !== null,
  };
}
