import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUrl,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ClearableText, RequiredText, UnlessAbsent } from '../../../common/validation/decorators';
import { ROLES, Role } from '../../users/user.entity';
import type { ContactChannel, Settings } from '../settings.catalogue';

export class OrganisationSettingsDto {
  @ApiPropertyOptional({ maxLength: 200 }) @UnlessAbsent() @RequiredText(200) nameTh?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @UnlessAbsent() @RequiredText(200) nameEn?: string;
}

/** Blank (or null) clears a channel: the home page then leaves it out; absent leaves it as it is. */
export class ContactSettingsDto {
  @ApiPropertyOptional({ example: '053-123-456' }) @ClearableText(100) phone?: string;
  @ApiPropertyOptional() @ClearableText(254) @IsEmail() email?: string;
  @ApiPropertyOptional({ example: '@rongrian' }) @ClearableText(100) line?: string;
  @ApiPropertyOptional({ example: 'https://facebook.com/example' }) @ClearableText(300) @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) facebook?: string;
  @ApiPropertyOptional() @ClearableText(300) @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) website?: string;
  @ApiPropertyOptional() @ClearableText(500) address?: string;
  @ApiPropertyOptional({ description: 'Where the complaint box stands' }) @ClearableText(300) complaintBox?: string;
  @ApiPropertyOptional({ example: 'จันทร์–ศุกร์ 08:30–16:30 น.' }) @ClearableText(200) officeHours?: string;
}

export class DeadlineSettingsDto {
  @ApiPropertyOptional({ enum: ['calendar', 'working'] })
  @UnlessAbsent()
  @IsIn(['calendar', 'working'])
  mode?: 'calendar' | 'working';

  @ApiPropertyOptional({ type: [Number], example: [3, 1], description: 'Days before the due date, 1 to 14' })
  @UnlessAbsent()
  @IsArray()
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(14, { each: true })
  reminderDaysBefore?: number[];
}

export class IdentitySettingsDto {
  @ApiPropertyOptional() @UnlessAbsent() @IsBoolean() revealNeedsApproval?: boolean;
}

export class SecuritySettingsDto {
  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: 'integrity is always included' })
  @UnlessAbsent()
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  otpRequiredRoles?: Role[];
}

/** A partial update: groups and fields not sent stay as they are. */
export class UpdateSettingsDto {
  @ApiPropertyOptional({ type: OrganisationSettingsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => OrganisationSettingsDto) organisation?: OrganisationSettingsDto;
  @ApiPropertyOptional({ type: ContactSettingsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => ContactSettingsDto) contact?: ContactSettingsDto;
  @ApiPropertyOptional({ type: DeadlineSettingsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => DeadlineSettingsDto) deadline?: DeadlineSettingsDto;
  @ApiPropertyOptional({ type: IdentitySettingsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => IdentitySettingsDto) identity?: IdentitySettingsDto;
  @ApiPropertyOptional({ type: SecuritySettingsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => SecuritySettingsDto) security?: SecuritySettingsDto;
}

/** The settings as they are now, saved values over the defaults (the answer of GET and PATCH). */
export class SettingsOrganisationDto {
  @ApiProperty() nameTh!: string;
  @ApiProperty() nameEn!: string;
}

/** Only the channels the organisation has; an empty one is absent or null. */
export class SettingsContactDto implements Partial<Record<ContactChannel, string | null>> {
  @ApiPropertyOptional({ type: String, nullable: true }) phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) line?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) facebook?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) website?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) address?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) complaintBox?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) officeHours?: string | null;
}

export class SettingsDeadlineDto {
  @ApiProperty({ enum: ['calendar', 'working'] }) mode!: 'calendar' | 'working';
  @ApiProperty({ type: 'integer', isArray: true, example: [3, 1] }) reminderDaysBefore!: number[];
}

export class SettingsIdentityDto {
  @ApiProperty() revealNeedsApproval!: boolean;
}

export class SettingsSecurityDto {
  @ApiProperty({ enum: ROLES, isArray: true }) otpRequiredRoles!: Role[];
}

export class SettingsDto implements Settings {
  @ApiProperty({ type: SettingsOrganisationDto }) organisation!: SettingsOrganisationDto;
  @ApiProperty({ type: SettingsContactDto }) contact!: SettingsContactDto;
  @ApiProperty({ type: SettingsDeadlineDto }) deadline!: SettingsDeadlineDto;
  @ApiProperty({ type: SettingsIdentityDto }) identity!: SettingsIdentityDto;
  @ApiProperty({ type: SettingsSecurityDto }) security!: SettingsSecurityDto;
}
