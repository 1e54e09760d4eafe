import { ApiProperty } from '@nestjs/swagger';
import { OTP_ENROLMENT_REQUIRED, OTP_REQUIRED } from '../auth-errors';

/** The error bodies of the sign-in endpoints, for the OpenAPI document. */
export class SignInRefusedDto {
  @ApiProperty({ example: 401 }) statusCode!: number;
  @ApiProperty({ example: 'Unauthorized' }) error!: string;
  @ApiProperty() message!: string;
  @ApiProperty({
    enum: ['unauthorized', OTP_REQUIRED],
    description:
      `\`${OTP_REQUIRED}\`: the password was right and the account signs in with a second factor, but \`otp\` ` +
      'was missing, wrong or already used. `unauthorized`: anything else (wrong password, unknown or locked account), all alike',
  })
  code!: string;
}

export class OtpEnrolmentRequiredDto {
  @ApiProperty({ example: 403 }) statusCode!: number;
  @ApiProperty({ example: 'Forbidden' }) error!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ enum: [OTP_ENROLMENT_REQUIRED] }) code!: string;
  @ApiProperty({ description: 'Valid 10 minutes, for /api/v1/auth/otp/enrol and /confirm only' }) enrolmentToken!: string;
}

export class TooManySignInsDto {
  @ApiProperty({ example: 429 }) statusCode!: number;
  @ApiProperty({ example: 'Too Many Requests' }) error!: string;
  @ApiProperty() message!: string;
}
