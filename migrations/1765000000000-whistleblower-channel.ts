import { randomBytes } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { sealIdentity } from '../src/modules/whistleblower/vault/identity-cipher';

/**
 * The separate whistleblower channel (issue 9): the identity vault, the
 * receipts of online reports, the reveal requests a custodian approves, and
 * the outcome of a corruption case on its timeline.
 *
 * Existing corruption cases' complainants were kept in clear in
 * `complainants`; this migration seals each one into the vault and blanks
 * the row, in the same transaction as the schema change, so that there is
 * never a deployed schema with a vault beside plaintext identities, and no
 * separate step that an operator could forget. The keys come through the
 * configuration loader, exactly as the application reads them; they are
 * read only when there is something to move, so a fresh database never
 * needs them. In production the loader refuses to run without IDENTITY_KEYS,
 * so nothing is ever sealed under the development key there.
 */
export class WhistleblowerChannel1765000000000 implements MigrationInterface {
  name = 'WhistleblowerChannel1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE whistleblower_identities (
        case_id   uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        key_id    text NOT NULL,
        sealed    bytea NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX whistleblower_identities_key ON whistleblower_identities (key_id)`);

    // "vaulted": the identity is in the vault; the row then holds none of it, which the database itself enforces.
    await q.query(`ALTER TABLE complainants ADD COLUMN vaulted boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE complainants DROP CONSTRAINT complainants_named_unless_anonymous`);
    await q.query(`ALTER TABLE complainants ADD CONSTRAINT complainants_named_unless_anonymous
      CHECK (anonymous OR vaulted OR name IS NOT NULL)`);
    await q.query(`ALTER TABLE complainants ADD CONSTRAINT complainants_vaulted_holds_nothing
      CHECK (NOT vaulted OR (name IS NULL AND email IS NULL AND phone IS NULL AND address IS NULL))`);

    // One row: the salt of every receipt hash (see the README, "Receipts").
    await q.query(`
      CREATE TABLE whistleblower_installation (
        singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        receipt_salt bytea NOT NULL
      )`);
    await q.query(`INSERT INTO whistleblower_installation (receipt_salt) VALUES ($1)`, [randomBytes(16)]);

    await q.query(`
      CREATE TABLE whistleblower_reports (
        case_id            uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        receipt_hash       bytea NOT NULL UNIQUE,
        accused_name       text,
        accused_position   text,
        accused_department text,
        incident_date      date
      )`);

    await q.query(`
      CREATE TABLE identity_reveal_requests (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id         uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        requested_by    uuid NOT NULL REFERENCES users(id),
        reason          text NOT NULL,
        requested_at    timestamptz NOT NULL,
        status          text NOT NULL CHECK (status IN ('pending', 'approved', 'refused', 'used')),
        decided_by      uuid REFERENCES users(id),
        decided_at      timestamptz,
        decision_reason text,
        used_at         timestamptz
      )`);
    // At most one open request per officer and case.
    await q.query(`CREATE UNIQUE INDEX identity_reveal_requests_open ON identity_reveal_requests (case_id, requested_by)
      WHERE status IN ('pending', 'approved')`);
    await q.query(`CREATE INDEX identity_reveal_requests_pending ON identity_reveal_requests (requested_at, id) WHERE status = 'pending'`);

    await q.query(`ALTER TABLE case_events ADD COLUMN outcome text`);

    await this.sealExistingIdentities(q);
  }

  private async sealExistingIdentities(q: QueryRunner): Promise<void> {
    const rows: Array<{ caseId: string; complainantId: string; name: string | null; email: string | null; phone: string | null; address: string | null }> =
      await q.query(
        `SELECT c.id AS "caseId", p.id AS "complainantId", p.name, p.email, p.phone, p.address
         FROM cases c JOIN complainants p ON p.id = c.complainant_id
         WHERE c.kind = 'corruption'
           AND (p.name IS NOT NULL OR p.email IS NOT NULL OR p.phone IS NOT NULL OR p.address IS NOT NULL)
         FOR UPDATE OF p`,
      );
    if (!rows.length) return;
    const [current] = loadConfig(process.env).secrets.identityKeys;
    for (const { caseId, complainantId, ...identity } of rows) {
      const { keyId, sealed } = sealIdentity(current, caseId, identity);
      await q.query(`INSERT INTO whistleblower_identities (case_id, key_id, sealed) VALUES ($1, $2, $3)`, [caseId, keyId, sealed]);
      await q.query(
        `UPDATE complainants SET vaulted = true, name = NULL, email = NULL, phone = NULL, address = NULL WHERE id = $1`,
        [complainantId],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // Identities stay sealed: a rollback of the schema must not write them back in clear.
    await q.query(`ALTER TABLE case_events DROP COLUMN outcome`);
    await q.query(`DROP TABLE identity_reveal_requests`);
    await q.query(`DROP TABLE whistleblower_reports`);
    await q.query(`DROP TABLE whistleblower_installation`);
    await q.query(`ALTER TABLE complainants DROP CONSTRAINT complainants_vaulted_holds_nothing`);
  }
}
