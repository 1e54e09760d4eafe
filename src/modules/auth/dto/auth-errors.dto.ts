import { ApiProperty } from '@nestjs/swagger';
import { ErrorCode } from '../../../common/errors/domain-error';
import { ErrorBodyDto } from '../../../common/openapi/error-body.dto';
import { OTP_ENROLMENT_REQUIRED, OTP_REQUIRED } from '../auth-errors';

/** The error bodies of the sign-in endpoints that say more than the common one, for the OpenAPI document. */
export class SignInRefusedDto extends ErrorBodyDto {
  @ApiProperty({
    enum: [ErrorCode.Unauthorized, OTP_REQUIRED],
    description:
      `\`${OTP_REQUIRED}\`: the password was right and the account signs in with a second factor, but \`otp\` ` +
      'was missing, wrong or already used. `unauthorized`: anything else (wrong password, unknown or locked account), all alike',
  })
  declare code: string;
}

export class OtpEnrolmentRequiredDto extends ErrorBodyDto {
  @ApiProperty({ enum: [OTP_ENROLMENT_REQUIRED] }) declare code: string;
  @ApiProperty({ description: 'Valid 10 minutes, for /api/v1/auth/otp/enrol and /confirm only' }) enrolmentToken!: string;
}
