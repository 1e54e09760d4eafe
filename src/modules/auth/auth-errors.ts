import { DomainError, ErrorCode } from '../../common/errors/domain-error';

/** The contract's codes for the two-factor answers (SPEC §4); they replace the generic `unauthorized`/`forbidden`. */
export const OTP_REQUIRED = 'otp_required';
export const OTP_ENROLMENT_REQUIRED = 'otp_enrolment_required';

export const INVALID_CREDENTIALS = 'Invalid email or password, or the account is locked for a while after repeated failures';

export function invalidCredentials(): DomainError {
  return new DomainError(ErrorCode.Unauthorized, INVALID_CREDENTIALS);
}

/** `extra` is merged last into the error body, so its `code` is the one the client sees. */
export function otpRequired(reason: 'otp_missing' | 'otp_wrong' | 'otp_replayed'): DomainError {
  const message =
    reason === 'otp_missing'
      ? 'Enter the 6-digit code from the authenticator app (or a recovery code)'
      : 'The code is wrong, expired or already used; enter the current code from the authenticator app';
  return new DomainError(ErrorCode.Unauthorized, message, undefined, { code: OTP_REQUIRED });
}

export function otpEnrolmentRequired(enrolmentToken: string): DomainError {
  return new DomainError(
    ErrorCode.Forbidden,
    'This account must set up two-factor sign-in: POST the enrolmentToken to /api/v1/auth/otp/enrol, then /api/v1/auth/otp/confirm',
    undefined,
    { code: OTP_ENROLMENT_REQUIRED, enrolmentToken },
  );
}
