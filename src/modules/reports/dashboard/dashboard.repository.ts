import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseKind, OPEN_STATUSES_SQL } from '../../cases';

@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Open cases past their due date right now, whenever received (the rollup counts by month of receipt). */
  async overdueOpen(now: Date, kind: CaseKind, departmentId: string | null): Promise<number> {
    const params: unknown[] = [now, kind];
    let where = `status IN (${OPEN_STATUSES_SQL}) AND due_at < $1 AND kind = $2`;
    if (departmentId) {
      params.push(departmentId);
      where += ` AND department_id = $3`;
    }
    const [row]: Array<{ n: number }> = await this.db.query(`SELECT count(*)::int AS n FROM cases WHERE ${where}`, params);
    return row.n;
  }
}
