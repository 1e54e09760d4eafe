import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CaseKind } from '../../cases';
import { ALL_CHANNELS, ALL_IDS } from '../summary/summary.repository';

export interface KindMonth {
  kind: CaseKind;
  /** YYYY-MM-DD, the first of the month (Bangkok). */
  month: string;
  received: number;
  open: number;
  overdue: number;
  completedWithin: number;
  feedbackResponses: number;
  feedbackSum: number;
  feedbackSatisfied: number;
}

@Injectable()
export class PublicStatisticsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Counts only, per kind and month of receipt: the rollup's coarsest grain. */
  byKindAndMonth(fiscalYear: number): Promise<KindMonth[]> {
    return this.db.query(
      `SELECT kind, to_char(month, 'YYYY-MM-DD') AS month, received, open, overdue, completed_within AS "completedWithin",
              feedback_responses AS "feedbackResponses", feedback_sum AS "feedbackSum", feedback_satisfied AS "feedbackSatisfied"
       FROM report_cells
       WHERE fiscal_year = $1 AND grain = 0 AND department_id = $2 AND channel = $3 AND category_id = $2`,
      [fiscalYear, ALL_IDS, ALL_CHANNELS],
    );
  }
}
