import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Holiday, IsoDate } from './working-days';

/** The holidays an administrator added; the library's own are not stored. */
@Injectable()
export class HolidaysRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async all(): Promise<Holiday[]> {
    const rows: Array<{ date: IsoDate; nameTh: string; nameEn: string }> = await this.db.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, name_th AS "nameTh", name_en AS "nameEn" FROM holidays ORDER BY date`,
    );
    return rows.map((r) => ({ ...r, source: 'admin' as const }));
  }

  /** False when the date is already there. */
  async insert(m: EntityManager, h: { date: IsoDate; nameTh: string; nameEn: string; createdBy: string }): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO holidays (date, name_th, name_en, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (date) DO NOTHING RETURNING date`,
      [h.date, h.nameTh, h.nameEn, h.createdBy],
    );
    return rows.length > 0;
  }

  async remove(m: EntityManager, date: IsoDate): Promise<boolean> {
    // TypeORM answers a DELETE with [rows, count].
    const [, count]: [unknown, number] = await m.query(`DELETE FROM holidays WHERE date = $1`, [date]);
    return count > 0;
  }
}
