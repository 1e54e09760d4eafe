import type { SummaryDto } from '../dto/summary.dto';
import { SUMMARY_COLUMNS } from './summary-columns';

const BOM = '\uFEFF';

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quoted when it must be; a leading = + - @ would be read by Excel as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The summary's rows and the year's totals as CSV: UTF-8 with a BOM so that Excel shows Thai, CRLF lines. */
export function summaryCsv(summary: SummaryDto): string {
  const lines = [SUMMARY_COLUMNS.map((c) => c.header), ...[...summary.rows, summary.totals].map((r) => SUMMARY_COLUMNS.map((c) => c.value(r)))];
  return BOM + lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n';
}
