import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { User } from '../users/user.entity';
import { hashRecoveryCode, normaliseRecoveryCode } from './otp/recovery-codes';
import { SecretCipher } from './otp/secret-cipher';
import { isTotpCodeShaped, matchTotpStep } from './otp/totp';
import { SignInRepository } from './sign-in.repository';

export type SecondFactorResult =
  | { ok: true; method: 'totp' | 'recovery_code' }
  | { ok: false; reason: 'otp_missing' | 'otp_wrong' | 'otp_replayed' };

/** Checks the code an enrolled account signs in with, and uses it up. */
@Injectable()
export class SecondFactor {
  private readonly logger = new Logger(SecondFactor.name);

  constructor(
    private readonly cipher: SecretCipher,
    private readonly signIns: SignInRepository,
  ) {}

  /** Inside the sign-in's transaction: a code is spent only if the sign-in it belongs to is recorded. */
  async use(m: EntityManager, user: User, code: string | undefined, now: Date): Promise<SecondFactorResult> {
    if (!code) return { ok: false, reason: 'otp_missing' };
    if (isTotpCodeShaped(code)) return this.useTotp(m, user, code, now);
    const recovery = normaliseRecoveryCode(code);
    if (recovery && (await this.signIns.consumeRecoveryCode(user.id, hashRecoveryCode(recovery), m))) {
      return { ok: true, method: 'recovery_code' };
    }
    return { ok: false, reason: 'otp_wrong' };
  }

  private async useTotp(m: EntityManager, user: User, code: string, now: Date): Promise<SecondFactorResult> {
    const secret = user.otpSecret ? this.cipher.decrypt(user.otpSecret, user.id) : null;
    if (!secret) {
      this.logger.error(
        `The two-factor secret of user ${user.id} does not decrypt (was AUTH_TOKEN_SECRET changed?); ` +
          'an administrator resets their two-factor sign-in (POST /api/v1/users/:id/otp/reset)',
      );
      return { ok: false, reason: 'otp_wrong' };
    }
    const step = matchTotpStep(secret, code, now);
    if (step === null) return { ok: false, reason: 'otp_wrong' };
    if (!(await this.signIns.consumeOtpStep(user.id, step, m))) return { ok: false, reason: 'otp_replayed' };
    return { ok: true, method: 'totp' };
  }
}
