import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

@Injectable()
export class SiteLogoRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async updatedAt(): Promise<Date | null> {
    const [row]: Array<{ updatedAt: Date }> = await this.db.query(`SELECT updated_at AS "updatedAt" FROM site_logo`);
    return row?.updatedAt ?? null;
  }

  async png(): Promise<Buffer | null> {
    const [row]: Array<{ png: Buffer }> = await this.db.query(`SELECT png FROM site_logo`);
    return row?.png ?? null;
  }

  async save(m: EntityManager, png: Buffer, by: string, at: Date): Promise<void> {
    await m.query(
      `INSERT INTO site_logo (png, updated_at, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (singleton) DO UPDATE SET png = EXCLUDED.png, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [png, at, by],
    );
  }

  /** True when there was a logo to remove. */
  async remove(m: EntityManager): Promise<boolean> {
    const [, count]: [unknown, number] = await m.query(`DELETE FROM site_logo`);
    return count > 0;
  }
}
