import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface RatedCase {
  id: string;
  status: string;
  feedback: { rating: number; comment: string | null; createdAt: Date } | null;
}

@Injectable()
export class FeedbackRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A general case by its tracking code, with its rating if given; `lock` holds the case for the rest of the transaction. */
  async findByTrackingCode(code: string, m: EntityManager = this.db.manager, lock = false): Promise<RatedCase | null> {
    const [c] = await m.query(
      `SELECT id, status FROM cases WHERE tracking_code = $1 AND kind = 'general'${lock ? ' FOR UPDATE' : ''}`,
      [code],
    );
    if (!c) return null;
    const [f] = await m.query(
      `SELECT rating, comment, created_at AS "createdAt" FROM case_feedback WHERE case_id = $1`,
      [c.id],
    );
    return { id: c.id, status: c.status, feedback: f ?? null };
  }

  async insert(m: EntityManager, caseId: string, rating: number, comment: string | null, at: Date): Promise<void> {
    await m.query(`INSERT INTO case_feedback (case_id, rating, comment, created_at) VALUES ($1, $2, $3, $4)`, [
      caseId,
      rating,
      comment,
      at,
    ]);
  }
}
