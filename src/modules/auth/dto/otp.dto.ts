import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsJWT, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { AccessTokenDto } from './login.dto';

const EnrolmentToken = () =>
  applyDecorators(
    ApiProperty({ description: 'From the 403 `otp_enrolment_required` answer of a sign-in, or from POST /api/v1/auth/otp/enrolment' }),
    IsJWT(),
    MaxLength(2000),
  );

export class EnrolDto {
  @EnrolmentToken()
  enrolmentToken!: string;
}

export class ConfirmEnrolmentDto {
  @EnrolmentToken()
  enrolmentToken!: string;

  @ApiProperty({ example: '492039', description: 'The current code the authenticator app shows for the secret just enrolled' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'otp must be the 6 digits the authenticator app shows' })
  otp!: string;
}

export class StartEnrolmentDto {
  @ApiProperty({ format: 'password', description: 'The account’s password again: a borrowed session alone cannot add a second factor' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class EnrolmentTokenDto {
  @ApiProperty({ description: 'For POST /api/v1/auth/otp/enrol and /confirm; single-purpose, never a bearer token' })
  enrolmentToken!: string;

  @ApiProperty({ example: 600, description: 'Seconds it stays valid' })
  expiresIn!: number;
}

export class OtpSecretDto {
  @ApiProperty({ example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', description: 'Base32; type it into the app if the QR code cannot be scanned' })
  secret!: string;

  @ApiProperty({
    example: 'otpauth://totp/Rongrian%20(...):integrity%40example.go.th?issuer=Rongrian%20(...)&secret=...&algorithm=SHA1&digits=6&period=30',
    description: 'TOTP (RFC 6238, SHA-1, 6 digits, 30 s), for a QR code',
  })
  otpauthUri!: string;
}

export class EnrolledDto extends AccessTokenDto {
  @ApiProperty({
    type: [String],
    example: ['7hq2k-m9xvd'],
    description: 'Ten single-use codes that stand in for the app (a lost phone); shown this once, kept only hashed',
  })
  recoveryCodes!: string[];
}
