import { verify } from 'argon2';
import { createDataSource } from '../../src/database/data-source';
import { migrateDatabase } from '../../src/database/migrate';
import { migrations } from '../../migrations';
import { seedReferenceData } from '../../src/seed/seed';
import { DEPARTMENTS, SEED_USERS } from '../../src/seed/seed-data';
import { databaseUrl, DB_PREFIX, withServer } from '../support/databases';

describe('migrate and seed', () => {
  const name = `${DB_PREFIX}_fresh_${process.pid}`;
  const url = databaseUrl(name);

  afterAll(() => withServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));

  it('creates a missing database, applies every migration once, and seeds idempotently', async () => {
    await withServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

    expect(await migrateDatabase(url)).toEqual(migrations.map((m) => m.name));
    expect(migrations.map((m) => m.name)).toEqual(expect.arrayContaining(['InitialSchema1763750000000', 'CaseFactsAndOutboxKeys1764400100000']));
    expect(await migrateDatabase(url)).toEqual([]);

    const ds = createDataSource(url);
    await ds.initialize();
    try {
      await seedReferenceData(ds, 'first-password');
      await ds.query(`UPDATE departments SET name_th = 'กองช่าง (แก้ไขแล้ว)' WHERE code = 'works'`);
      await seedReferenceData(ds, 'second-password');

      const [counts] = await ds.query(`SELECT
        (SELECT count(*)::int FROM departments) AS departments,
        (SELECT count(*)::int FROM users) AS users,
        (SELECT count(*)::int FROM categories WHERE kind = 'general') AS general,
        (SELECT count(*)::int FROM categories WHERE kind = 'corruption') AS corruption`);
      expect(counts).toMatchObject({ departments: DEPARTMENTS.length, users: SEED_USERS.length });
      expect(counts.general).toBeGreaterThan(5);
      expect(counts.corruption).toBeGreaterThan(2);

      const [works] = await ds.query(`SELECT name_th FROM departments WHERE code = 'works'`);
      expect(works.name_th).toBe('กองช่าง (แก้ไขแล้ว)');

      const users: Array<{ email: string; role: string; department: string | null; password_hash: string }> = await ds.query(
        `SELECT u.email, u.role, d.code AS department, u.password_hash
         FROM users u LEFT JOIN departments d ON d.id = u.department_id ORDER BY u.email`,
      );
      expect(users.map((u) => [u.email, u.role, u.department])).toEqual(
        expect.arrayContaining([
          ['admin@example.go.th', 'admin', null],
          ['center@example.go.th', 'center', null],
          ['works@example.go.th', 'officer', 'works'],
          ['works.head@example.go.th', 'head', 'works'],
          ['finance@example.go.th', 'officer', 'finance'],
          ['integrity@example.go.th', 'integrity', null],
          ['executive@example.go.th', 'executive', null],
        ]),
      );
      expect(users[0].password_hash).toMatch(/^\$argon2id\$/);
      // A re-seed never resets a password.
      expect(await verify(users[0].password_hash, 'first-password')).toBe(true);
    } finally {
      await ds.destroy();
    }
  });
});
