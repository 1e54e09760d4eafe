import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

@Injectable()
export class SettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async readAll(): Promise<Record<string, Record<string, unknown>>> {
    const rows: Array<{ key: string; value: Record<string, unknown> }> = await this.db.query(`SELECT key, value FROM settings`);
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  async save(m: EntityManager, key: string, value: object, by: string, at: Date): Promise<void> {
    await m.query(
      `INSERT INTO settings (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [key, JSON.stringify(value), at, by],
    );
  }
}
