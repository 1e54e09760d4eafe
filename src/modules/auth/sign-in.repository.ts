import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** An attempt counted before the password is checked. */
export interface ClaimedAttempt {
  /** 1 for the first attempt of a window, up to the maximum. */
  attempt: number;
  /** Set when this attempt was the last one allowed: the account is locked unless it succeeds. */
  lockedUntil: Date | null;
}

export interface PendingEnrolment {
  pendingSecret: string | null;
}

/**
 * The sign-in state of an account: attempts and lock, the second factor and
 * its recovery codes. Every check-and-change is one statement, so that
 * parallel requests cannot both pass a check the other one changes.
 */
@Injectable()
export class SignInRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Takes one of the `max` attempts of the current window, before the
   * password is verified, or returns null when the account is locked.
   * Counted as a failure until `clearAttempts` says otherwise, so that 40
   * parallel guesses get `max` verifications, not 40. The attempt that uses
   * the last one locks the account at once; and a lock that has run out
   * starts a fresh window, so that one guess after it does not lock again.
   */
  async claimAttempt(id: string, now: Date, max: number, lockMinutes: number): Promise<ClaimedAttempt | null> {
    // The SET expressions read the row as it is after waiting for a parallel
    // claim's lock (never a snapshot taken before), so no two claims get one number.
    const rows: ClaimedAttempt[] = await this.db.query(
      `WITH claimed AS (
       UPDATE users SET
         failed_logins = CASE WHEN locked_until <= $2 THEN 1 ELSE failed_logins + 1 END,
         locked_until = CASE WHEN (CASE WHEN locked_until <= $2 THEN 1 ELSE failed_logins + 1 END) >= $3
                             THEN $2::timestamptz + make_interval(mins => $4) ELSE NULL END,
         updated_at = $2
       WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2)
       RETURNING failed_logins AS attempt, locked_until AS "lockedUntil")
       SELECT * FROM claimed`,
      [id, now, max, lockMinutes],
    );
    return rows[0] ?? null;
  }

  /** The password (and second factor) were right: the window starts again. */
  async clearAttempts(id: string, m: EntityManager = this.db.manager): Promise<void> {
    await m.query(
      `UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1 AND (failed_logins <> 0 OR locked_until IS NOT NULL)`,
      [id],
    );
  }

  /** Accepts a TOTP step once: false when it, or a later one, was already used (a replayed code). */
  async consumeOtpStep(id: string, step: number, m: EntityManager = this.db.manager): Promise<boolean> {
    return changedAny(
      m,
      `UPDATE users SET otp_last_step = $2 WHERE id = $1 AND otp_enrolled_at IS NOT NULL
         AND (otp_last_step IS NULL OR otp_last_step < $2)`,
      [id, step],
    );
  }

  /** Uses up a recovery code; false when it is not (or no longer) one of the account's. */
  async consumeRecoveryCode(id: string, codeHash: string, m: EntityManager = this.db.manager): Promise<boolean> {
    return changedAny(m, `DELETE FROM user_recovery_codes WHERE user_id = $1 AND code_hash = $2`, [id, codeHash]);
  }

  /** Starts (or restarts) an enrolment: only the newest enrolment token can go on with it. */
  async startEnrolment(id: string, enrolmentId: string): Promise<void> {
    await this.db.query(`UPDATE users SET otp_enrolment_id = $2, otp_pending_secret = NULL WHERE id = $1`, [id, enrolmentId]);
  }

  /** Stores the secret just shown; false when this enrolment is no longer the account's current one. */
  async setPendingSecret(id: string, enrolmentId: string, sealedSecret: string): Promise<boolean> {
    return changedAny(
      this.db.manager,
      `UPDATE users SET otp_pending_secret = $3
       WHERE id = $1 AND active AND otp_enrolment_id = $2 AND otp_enrolled_at IS NULL`,
      [id, enrolmentId, sealedSecret],
    );
  }

  /** The secret waiting for confirmation, when this enrolment is still the current one. */
  async findPendingEnrolment(id: string, enrolmentId: string): Promise<PendingEnrolment | null> {
    const rows: PendingEnrolment[] = await this.db.query(
      `SELECT otp_pending_secret AS "pendingSecret" FROM users
       WHERE id = $1 AND active AND otp_enrolment_id = $2 AND otp_enrolled_at IS NULL`,
      [id, enrolmentId],
    );
    return rows[0] ?? null;
  }

  /**
   * Makes the pending secret the account's second factor, its code's step
   * already used; false when another confirmation got there first.
   */
  async confirmEnrolment(m: EntityManager, id: string, enrolmentId: string, step: number, now: Date): Promise<boolean> {
    return changedAny(
      m,
      `UPDATE users SET otp_secret = otp_pending_secret, otp_enrolled_at = $3, otp_last_step = $4,
              otp_pending_secret = NULL, otp_enrolment_id = NULL, failed_logins = 0, locked_until = NULL, updated_at = $3
       WHERE id = $1 AND otp_enrolment_id = $2 AND otp_enrolled_at IS NULL AND otp_pending_secret IS NOT NULL`,
      [id, enrolmentId, now, step],
    );
  }

  async replaceRecoveryCodes(m: EntityManager, id: string, codeHashes: string[]): Promise<void> {
    await m.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [id]);
    await m.query(
      `INSERT INTO user_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`,
      [id, codeHashes],
    );
  }

  /**
   * Forgets the second factor (lost phone): the account enrols again at its
   * next sign-in, and every token issued before ends. False for no such user.
   */
  async resetSecondFactor(m: EntityManager, id: string, now: Date): Promise<boolean> {
    await m.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [id]);
    return changedAny(
      m,
      `UPDATE users SET otp_secret = NULL, otp_enrolled_at = NULL, otp_last_step = NULL, otp_pending_secret = NULL,
              otp_enrolment_id = NULL, token_version = token_version + 1, updated_at = $2
       WHERE id = $1`,
      [id, now],
    );
  }
}

/**
 * Whether a write changed any row. Wrapped in a CTE because TypeORM hands
 * back `[rows, count]`, not rows, for a bare UPDATE or DELETE.
 */
async function changedAny(m: EntityManager, sql: string, params: unknown[]): Promise<boolean> {
  const [{ n }]: Array<{ n: number }> = await m.query(
    `WITH changed AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM changed`,
    params,
  );
  return n > 0;
}
