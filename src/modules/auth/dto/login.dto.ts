import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** A 6-digit code or a recovery code (`xxxxx-xxxxx`, spaces allowed); anything longer is no code of ours. */
export const OTP_MAX_LENGTH = 20;

export class LoginDto {
  @ApiProperty({ example: 'center@example.go.th' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({
    example: '492039',
    maxLength: OTP_MAX_LENGTH,
    description:
      'For an account with two-factor sign-in: the current 6-digit code of its authenticator app, or one of its recovery codes (each works once)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(OTP_MAX_LENGTH)
  otp?: string;
}

export class AccessTokenDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires; then sign in again' }) expiresIn!: number;
}
