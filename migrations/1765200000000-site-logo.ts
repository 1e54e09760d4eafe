import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation's logo, shown on the public pages. One row at most; the
 * image is stored as the PNG the server encoded from the upload, never the
 * uploaded bytes themselves.
 */
export class SiteLogo1765200000000 implements MigrationInterface {
  name = 'SiteLogo1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE site_logo (
        singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        png         bytea NOT NULL CHECK (octet_length(png) <= 1048576),
        updated_at  timestamptz NOT NULL,
        updated_by  uuid REFERENCES users (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE site_logo`);
  }
}
