import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Period } from '../report-periods';

export interface ReportNote {
  fiscalYear: number;
  period: Period;
  part: number;
  problems: string;
  obstacles: string;
  solutions: string;
  updatedAt: Date;
  updatedBy: string | null;
}

const COLUMNS = `fiscal_year AS "fiscalYear", period, part, problems, obstacles, solutions,
  updated_at AS "updatedAt", updated_by AS "updatedBy"`;

@Injectable()
export class ReportNotesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findByYear(fiscalYear: number): Promise<ReportNote[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM report_notes WHERE fiscal_year = $1
       ORDER BY array_position(ARRAY['year', 'half', 'quarter', 'month'], period), part`,
      [fiscalYear],
    );
  }

  async save(note: Omit<ReportNote, 'updatedAt'>, at: Date): Promise<ReportNote> {
    const [row] = await this.db.query(
      `INSERT INTO report_notes (fiscal_year, period, part, problems, obstacles, solutions, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (fiscal_year, period, part) DO UPDATE SET problems = EXCLUDED.problems, obstacles = EXCLUDED.obstacles,
         solutions = EXCLUDED.solutions, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
       RETURNING ${COLUMNS}`,
      [note.fiscalYear, note.period, note.part, note.problems, note.obstacles, note.solutions, note.updatedBy, at],
    );
    return row;
  }
}
