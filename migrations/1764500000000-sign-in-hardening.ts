import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in that cannot be raced, tokens that end with a password change, and
 * two-factor sign-in (TOTP) with single-use recovery codes.
 */
export class SignInHardening1764500000000 implements MigrationInterface {
  name = 'SignInHardening1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        -- Carried in every access token; raised by a password reset or a two-factor reset,
        -- so that every token issued before it stops working.
        ADD COLUMN token_version integer NOT NULL DEFAULT 1 CHECK (token_version > 0),
        -- AES-256-GCM ciphertexts, never the base32 secret itself.
        ADD COLUMN otp_secret text,
        ADD COLUMN otp_enrolled_at timestamptz,
        -- The last TOTP time step accepted: a code for it or an earlier step is a replay.
        ADD COLUMN otp_last_step bigint,
        -- An enrolment in progress: the secret shown but not yet confirmed, and the one
        -- enrolment token (its jti) that may still confirm it.
        ADD COLUMN otp_pending_secret text,
        ADD COLUMN otp_enrolment_id uuid,
        ADD CONSTRAINT users_otp_enrolled_has_secret CHECK ((otp_enrolled_at IS NULL) = (otp_secret IS NULL)),
        ADD CONSTRAINT users_failed_logins_not_negative CHECK (failed_logins >= 0)`);

    await q.query(`
      CREATE TABLE user_recovery_codes (
        user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        -- SHA-256 of a random 50-bit code: a slow hash adds nothing at that entropy.
        code_hash   text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
        created_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, code_hash)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_recovery_codes`);
    await q.query(`
      ALTER TABLE users
        DROP CONSTRAINT users_failed_logins_not_negative,
        DROP CONSTRAINT users_otp_enrolled_has_secret,
        DROP COLUMN otp_enrolment_id,
        DROP COLUMN otp_pending_secret,
        DROP COLUMN otp_last_step,
        DROP COLUMN otp_enrolled_at,
        DROP COLUMN otp_secret,
        DROP COLUMN token_version`);
  }
}
