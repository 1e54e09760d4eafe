import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { Transactions } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import { SettingsService } from '../settings/settings.service';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './otp/recovery-codes';
import { SecretCipher } from './otp/secret-cipher';
import { matchTotpStep, newTotpSecret, totpUri } from './otp/totp';
import { SignInRepository } from './sign-in.repository';
import { SignInService } from './sign-in.service';
import { IssuedAccessToken, StaffTokens } from './staff-tokens';
import type { StaffUser } from './staff-user';

const STALE = 'Sign in again to enrol: the enrolment token is invalid, used or expired';

/**
 * Setting up two-factor sign-in: an enrolment token (from a sign-in that
 * needs it, or asked for by a signed-in user with their password), then the
 * secret, then one code from the app to prove it was stored. Only then does
 * the account have a second factor.
 */
@Injectable()
export class OtpEnrolmentService {
  constructor(
    private readonly users: UsersRepository,
    private readonly signIns: SignInRepository,
    private readonly signIn: SignInService,
    private readonly tokens: StaffTokens,
    private readonly cipher: SecretCipher,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** A new enrolment for an account; any earlier enrolment token stops working. */
  async begin(user: Pick<User, 'id'>): Promise<string> {
    const { token, enrolmentId } = await this.tokens.issueEnrolment(user.id);
    await this.signIns.startEnrolment(user.id, enrolmentId);
    return token;
  }

  /** For a signed-in user without a second factor who wants one. */
  async beginVoluntarily(staff: StaffUser, password: string): Promise<string> {
    const user = await this.users.findActiveById(staff.id);
    if (!user) throw new DomainError(ErrorCode.Unauthorized, 'Sign in again: the account is no longer active');
    if (!(await this.signIn.confirmPassword(user, password))) {
      throw DomainError.field(
        'password',
        'wrongPassword',
        'password: not the password of this account (or the account is locked for a while after repeated failures)',
      );
    }
    if (user.otpEnrolledAt) {
      throw new DomainError(
        ErrorCode.Conflict,
        'Two-factor sign-in is already set up for this account; an administrator can reset it to enrol another device',
      );
    }
    return this.begin(user);
  }

  /** A fresh secret for the authenticator app; calling again replaces it (a new QR code). */
  async secretFor(enrolmentToken: string): Promise<{ secret: string; otpauthUri: string }> {
    const claims = await this.tokens.readEnrolment(enrolmentToken);
    const user = await this.users.findActiveById(claims.userId);
    if (!user) throw new DomainError(ErrorCode.Unauthorized, STALE);
    const secret = newTotpSecret();
    if (!(await this.signIns.setPendingSecret(user.id, claims.enrolmentId, this.cipher.encrypt(secret, user.id)))) {
      throw new DomainError(ErrorCode.Unauthorized, STALE);
    }
    return { secret, otpauthUri: totpUri(secret, await this.issuer(), user.email) };
  }

  /**
   * The app's first code proves the secret arrived; the account then has
   * two-factor sign-in, ten recovery codes (shown here once, kept only
   * hashed) and a fresh access token.
   */
  async confirm(enrolmentToken: string, otp: string): Promise<IssuedAccessToken & { recoveryCodes: string[] }> {
    const { user, recoveryCodes } = await this.complete(enrolmentToken, otp);
    return { ...(await this.tokens.issueAccess(user)), recoveryCodes };
  }

  /** The confirmation itself, for the API (a token) and the staff console (a session) alike. */
  async complete(enrolmentToken: string, otp: string): Promise<{ user: User; recoveryCodes: string[] }> {
    const claims = await this.tokens.readEnrolment(enrolmentToken);
    const pending = await this.signIns.findPendingEnrolment(claims.userId, claims.enrolmentId);
    if (!pending) throw new DomainError(ErrorCode.Unauthorized, STALE);
    const secret = pending.pendingSecret ? this.cipher.decrypt(pending.pendingSecret, claims.userId) : null;
    if (!secret) {
      throw new DomainError(ErrorCode.Conflict, 'No secret to confirm yet: call POST /api/v1/auth/otp/enrol first');
    }
    const now = this.clock.now();
    const step = matchTotpStep(secret, otp, now);
    if (step === null) {
      throw DomainError.field('otp', 'wrongCode', 'otp: not the current code of the secret just enrolled; check the phone’s clock');
    }
    const recoveryCodes = newRecoveryCodes();
    const user = await this.transactions.run(async (tx) => {
      if (!(await this.signIns.confirmEnrolment(tx.manager, claims.userId, claims.enrolmentId, step, now))) {
        throw new DomainError(ErrorCode.Unauthorized, STALE);
      }
      await this.signIns.replaceRecoveryCodes(
        tx.manager,
        claims.userId,
        recoveryCodes.map((c) => hashRecoveryCode(normaliseRecoveryCode(c) as string)),
      );
      const enrolled = await tx.manager.getRepository(User).findOneByOrFail({ id: claims.userId });
      const actor = { id: enrolled.id, role: enrolled.role };
      await this.audit.record({ action: 'otp_enrolled', actor, subjectUserId: enrolled.id }, tx);
      await this.audit.record({ action: 'sign_in', actor, subjectUserId: enrolled.id, details: { secondFactor: 'totp' } }, tx);
      return enrolled;
    });
    return { user, recoveryCodes };
  }

  /**
   * An administrator's reset (a lost phone): the second factor and its
   * recovery codes go, every token of the account ends, and the account
   * enrols again at its next sign-in if its role needs it.
   */
  async reset(actor: StaffUser, userId: string, reason?: string): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      if (!(await this.signIns.resetSecondFactor(tx.manager, userId, this.clock.now()))) return false;
      await this.audit.record(
        { action: 'otp_reset', actor: { id: actor.id, role: actor.role }, subjectUserId: userId, ...(reason ? { reason } : {}) },
        tx,
      );
      return true;
    });
  }

  /** How the account shows in the authenticator app's list; a colon would split the label, so none. */
  private async issuer(): Promise<string> {
    const { nameTh } = await this.settings.get('organisation');
    return `Rongrian (${nameTh.replace(/:/g, ' ')})`;
  }
}
