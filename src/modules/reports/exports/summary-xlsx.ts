import ExcelJS from 'exceljs';
import type { SummaryDto } from '../dto/summary.dto';
import { BREAKDOWN_COLUMNS, BREAKDOWNS, Column, SUMMARY_COLUMNS } from './summary-columns';

function addSheet<T>(book: ExcelJS.Workbook, name: string, columns: ReadonlyArray<Column<T>>, rows: T[]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: Math.max(12, c.header.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(columns.map((c) => c.value(r)));
}

/** The summary as a workbook: the rows and totals on the first sheet, one sheet per breakdown. */
export async function summaryXlsx(summary: SummaryDto, title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Rongrian';
  book.title = title;
  const all = [...summary.rows, summary.totals];
  addSheet(book, 'สรุป', SUMMARY_COLUMNS, all);
  for (const b of BREAKDOWNS) {
    addSheet(
      book,
      b.sheet,
      BREAKDOWN_COLUMNS,
      all.flatMap((r) => r[b.field].map((entry) => ({ period: r.label, entry }))),
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
