import { MigrationInterface, QueryRunner } from 'typeorm';

/** Files attached to a case; the bytes live in the attachment storage, not here. */
export class Attachments1763750200000 implements MigrationInterface {
  name = 'Attachments1763750200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachments (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id        uuid NOT NULL REFERENCES cases (id),
        storage_key    text NOT NULL UNIQUE,
        file_name      text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 255),
        media_type     text NOT NULL,
        size_bytes     integer NOT NULL CHECK (size_bytes > 0),
        sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by    uuid REFERENCES users (id),
        uploader_role  text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachments_case_idx ON attachments (case_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachments`);
  }
}
