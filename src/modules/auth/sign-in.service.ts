import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Transactions, Tx } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import { ALWAYS_OTP_ROLES } from '../settings/settings.catalogue';
import { SettingsService } from '../settings/settings.service';
import type { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { hashPassword, verifyPassword } from './password';
import { SecondFactor } from './second-factor';
import { ClaimedAttempt, SignInRepository } from './sign-in.repository';

/** Why a sign-in was refused, as the audit log records it (never the password, never the address). */
type Refusal = 'unknown_account' | 'inactive' | 'locked' | 'wrong_password' | 'otp_missing' | 'otp_wrong' | 'otp_replayed';

export type SignInOutcome =
  | { kind: 'signed_in'; user: User }
  /** Wrong password, unknown, deactivated or locked account: one answer for all, so none can be told apart. */
  | { kind: 'refused' }
  /** The password was right; the account's second factor was missing, wrong or replayed. */
  | { kind: 'otp_required'; reason: 'otp_missing' | 'otp_wrong' | 'otp_replayed' }
  /** The password was right; the role needs a second factor the account does not have yet. */
  | { kind: 'enrolment_required'; user: User };

/**
 * The rules of signing in. The attempt is counted before the password is
 * verified, and the lock decided in the same statement (SignInRepository.
 * claimAttempt), so that no burst, however parallel, gets more than
 * AUTH_MAX_FAILED_LOGINS verifications in a window.
 */
@Injectable()
export class SignInService {
  /** Verified against when no real check happens, so that timing does not tell which emails exist or are locked. */
  private readonly decoyHash = hashPassword('decoy-password-never-valid');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly signIns: SignInRepository,
    private readonly secondFactor: SecondFactor,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async attempt(email: string, password: string, otp: string | undefined): Promise<SignInOutcome> {
    const user = await this.users.findByEmail(email);
    if (!user || !user.active) {
      await this.decoy(password);
      await this.recordRefusal(user, user ? 'inactive' : 'unknown_account', null);
      return { kind: 'refused' };
    }
    const proven = await this.provePassword(user, password);
    if (!proven.ok) return { kind: 'refused' };

    const now = this.clock.now();
    if (!user.otpEnrolledAt) {
      if (await this.roleNeedsSecondFactor(user)) {
        await this.signIns.clearAttempts(user.id);
        return { kind: 'enrolment_required', user };
      }
      await this.transactions.run((tx) => this.recordSignIn(user, 'none', tx));
      return { kind: 'signed_in', user };
    }
    const result = await this.transactions.run(async (tx) => {
      const factor = await this.secondFactor.use(tx.manager, user, otp, now);
      if (factor.ok) await this.recordSignIn(user, factor.method, tx);
      return factor;
    });
    if (result.ok) return { kind: 'signed_in', user };
    // The attempt stays counted: otherwise someone holding the password could guess codes for ever.
    await this.recordRefusal(user, result.reason, proven.claim);
    return { kind: 'otp_required', reason: result.reason };
  }

  /**
   * The password again, for a signed-in user about to change their sign-in
   * (enrolling a second factor): a borrowed session alone must not do it.
   * Counted and locked like a sign-in.
   */
  async confirmPassword(user: User, password: string): Promise<boolean> {
    const proven = await this.provePassword(user, password);
    if (proven.ok) await this.signIns.clearAttempts(user.id);
    return proven.ok;
  }

  /** Roles the settings name, and those that can never be exempted. */
  async roleNeedsSecondFactor(user: Pick<User, 'role'>): Promise<boolean> {
    const { otpRequiredRoles } = await this.settings.get('security');
    return ALWAYS_OTP_ROLES.includes(user.role) || otpRequiredRoles.includes(user.role);
  }

  private async provePassword(user: User, password: string): Promise<{ ok: true; claim: ClaimedAttempt } | { ok: false }> {
    const { maxFailedLogins, lockoutMinutes } = this.config.auth;
    const claim = await this.signIns.claimAttempt(user.id, this.clock.now(), maxFailedLogins, lockoutMinutes);
    if (!claim) {
      await this.decoy(password);
      await this.recordRefusal(user, 'locked', null);
      return { ok: false };
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.recordRefusal(user, 'wrong_password', claim);
      return { ok: false };
    }
    return { ok: true, claim };
  }

  private async recordSignIn(user: User, secondFactor: 'none' | 'totp' | 'recovery_code', tx: Tx): Promise<void> {
    await this.signIns.clearAttempts(user.id, tx.manager);
    await this.audit.record(
      { action: 'sign_in', actor: { id: user.id, role: user.role }, subjectUserId: user.id, details: { secondFactor } },
      tx,
    );
  }

  /** The refusal, and the lock when this attempt was the last one allowed, stand or fall together. */
  private async recordRefusal(user: User | null, reason: Refusal, claim: ClaimedAttempt | null): Promise<void> {
    const actor = { id: user?.id ?? null, role: user?.role ?? null };
    await this.transactions.run(async (tx) => {
      await this.audit.record(
        { action: 'sign_in_failed', actor, ...(user ? { subjectUserId: user.id } : {}), details: { reason } },
        tx,
      );
      if (user && claim?.lockedUntil) {
        await this.audit.record(
          {
            action: 'account_locked',
            actor,
            subjectUserId: user.id,
            details: { failedAttempts: claim.attempt, lockedUntil: new Date(claim.lockedUntil).toISOString() },
          },
          tx,
        );
      }
    });
  }

  private async decoy(password: string): Promise<void> {
    await verifyPassword(await this.decoyHash, password);
  }
}
