import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import type { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { invalidCredentials, otpEnrolmentRequired, otpRequired } from './auth-errors';
import { OtpEnrolmentService } from './otp-enrolment.service';
import { SignInThrottle } from './sign-in-throttle';
import { SignInService } from './sign-in.service';
import { IssuedAccessToken, StaffTokens } from './staff-tokens';
import { StaffUser } from './staff-user';

export interface LoginInput {
  email: string;
  password: string;
  otp?: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly signInRules: SignInService,
    private readonly throttle: SignInThrottle,
    private readonly enrolment: OtpEnrolmentService,
    private readonly tokens: StaffTokens,
  ) {}

  /** One sign-in for the API: a bearer token. */
  async login(input: LoginInput, clientAddress: string): Promise<IssuedAccessToken> {
    return this.tokens.issueAccess(await this.signIn(input, clientAddress));
  }

  /**
   * One sign-in, for the API and the staff console alike: the client's
   * budget first (429 when spent), then the account's rules. Whenever the
   * password proved right, the client gets its attempt back. Refusals are
   * thrown as the API answers them (`otp_required`, `otp_enrolment_required`
   * with the enrolment token).
   */
  async signIn(input: LoginInput, clientAddress: string): Promise<User> {
    const ticket = await this.throttle.take(clientAddress);
    const outcome = await this.signInRules.attempt(input.email, input.password, input.otp);
    switch (outcome.kind) {
      case 'refused':
        throw invalidCredentials();
      case 'otp_required':
        if (outcome.reason === 'otp_missing') await this.throttle.giveBack(ticket);
        throw otpRequired(outcome.reason);
      case 'enrolment_required':
        await this.throttle.giveBack(ticket);
        throw otpEnrolmentRequired(await this.enrolment.begin(outcome.user));
      case 'signed_in':
        await this.throttle.giveBack(ticket);
        return outcome.user;
    }
  }

  /**
   * The token proves who signed in and when; the database says who they are
   * now: a deactivated account, a changed role, a password reset or a
   * two-factor reset takes effect on the next request.
   */
  async authenticate(token: string): Promise<StaffUser> {
    const claims = await this.tokens.readAccess(token);
    const user = await this.users.findSessionUser(claims.userId);
    if (!user) throw new DomainError(ErrorCode.Unauthorized, 'Sign in again: the account is no longer active');
    if (user.tokenVersion !== claims.tokenVersion) {
      throw new DomainError(ErrorCode.Unauthorized, 'Sign in again: the password or two-factor sign-in of this account was changed');
    }
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      departmentId: user.departmentId,
    };
  }
}
