import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../../common/errors/domain-error';
import { OTP_ENROLMENT_REQUIRED, OTP_REQUIRED } from '../../auth/auth-errors';
import { AuthService, LoginInput } from '../../auth/auth.service';
import { OtpEnrolmentService } from '../../auth/otp-enrolment.service';
import { TooManySignInAttempts } from '../../auth/sign-in-throttle';
import type { Role } from '../../users/user.entity';
import { StaffSessionsService } from './staff-sessions.service';

/** Where a sign-in on the console's form got to. */
export type SignInStep =
  | { kind: 'signed_in'; sessionToken: string; role: Role }
  | { kind: 'refused' }
  | { kind: 'otp'; wrong: boolean }
  | { kind: 'enrol'; enrolmentToken: string; secret: string; otpauthUri: string }
  | { kind: 'throttled'; retryAfterSeconds: number };

export type EnrolStep =
  | { kind: 'enrolled'; sessionToken: string; role: Role; recoveryCodes: string[] }
  | { kind: 'wrong_code' }
  | { kind: 'expired' };

/**
 * The console's sign-in: the auth module's own rules (the same accounts,
 * lockout, per-client limit, TOTP and enrolment as the API), ending in a
 * session instead of a bearer token.
 */
@Injectable()
export class StaffSignInService {
  constructor(
    private readonly auth: AuthService,
    private readonly enrolment: OtpEnrolmentService,
    private readonly sessions: StaffSessionsService,
  ) {}

  async signIn(input: LoginInput, clientAddress: string): Promise<SignInStep> {
    try {
      const user = await this.auth.signIn(input, clientAddress);
      return { kind: 'signed_in', sessionToken: await this.sessions.start(user.id), role: user.role };
    } catch (err) {
      if (err instanceof TooManySignInAttempts) return { kind: 'throttled', retryAfterSeconds: err.retryAfterSeconds };
      if (!(err instanceof DomainError)) throw err;
      if (err.extra?.code === OTP_REQUIRED) return { kind: 'otp', wrong: Boolean(input.otp) };
      if (err.extra?.code === OTP_ENROLMENT_REQUIRED) {
        const enrolmentToken = String(err.extra.enrolmentToken);
        return { kind: 'enrol', enrolmentToken, ...(await this.enrolment.secretFor(enrolmentToken)) };
      }
      if (err.code === ErrorCode.Unauthorized) return { kind: 'refused' };
      throw err;
    }
  }

  async confirmEnrolment(enrolmentToken: string, otp: string): Promise<EnrolStep> {
    try {
      const { user, recoveryCodes } = await this.enrolment.complete(enrolmentToken, otp);
      return { kind: 'enrolled', sessionToken: await this.sessions.start(user.id), role: user.role, recoveryCodes };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      if (err.code === ErrorCode.ValidationFailed) return { kind: 'wrong_code' };
      if (err.code === ErrorCode.Unauthorized || err.code === ErrorCode.Conflict) return { kind: 'expired' };
      throw err;
    }
  }
}
