import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OPEN_STATUSES_SQL } from '../cases';

@Injectable()
export class MetricsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  outboxByStatus(): Promise<Array<{ status: string; n: number }>> {
    return this.db.query(
      `SELECT status, count(*)::int AS n FROM notifications WHERE status IN ('pending', 'failed') GROUP BY status`,
    );
  }

  /** Counted on the open-cases index (kind, due_at): cheap at a million cases. */
  overdueOpenByKind(now: Date): Promise<Array<{ kind: string; n: number }>> {
    return this.db.query(
      `SELECT kind, count(*)::int AS n FROM cases WHERE status IN (${OPEN_STATUSES_SQL}) AND due_at < $1 GROUP BY kind`,
      [now],
    );
  }
}
