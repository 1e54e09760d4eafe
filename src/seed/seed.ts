import { hashPassword } from '../modules/auth/password';
import { DataSource } from 'typeorm';
import { CATEGORIES, DEPARTMENTS, SEED_USERS } from './seed-data';

/**
 * Idempotent: inserts what is missing and leaves what exists alone, so that a
 * re-seed never undoes an administrator's renaming or a changed password.
 */
export async function seedReferenceData(dataSource: DataSource, password: string): Promise<void> {
  await dataSource.transaction(async (m) => {
    for (const d of DEPARTMENTS) {
      await m.query(
        `INSERT INTO departments (code, name_th, name_en) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`,
        [d.code, d.nameTh, d.nameEn],
      );
    }
    for (const c of CATEGORIES) {
      await m.query(
        `INSERT INTO categories (code, kind, name_th, name_en, default_department_id)
         VALUES ($1, $2, $3, $4, (SELECT id FROM departments WHERE code = $5))
         ON CONFLICT (code) DO NOTHING`,
        [c.code, c.kind, c.nameTh, c.nameEn, c.department],
      );
    }
    const existing = new Set<string>(
      (await m.query(`SELECT lower(email) AS email FROM users`)).map((r: { email: string }) => r.email),
    );
    for (const u of SEED_USERS.filter((u) => !existing.has(u.email))) {
      await m.query(
        `INSERT INTO users (email, password_hash, display_name, role, department_id)
         VALUES ($1, $2, $3, $4, (SELECT id FROM departments WHERE code = $5))`,
        [u.email, await hashPassword(password), u.displayName, u.role, u.department],
      );
    }
  });
}
