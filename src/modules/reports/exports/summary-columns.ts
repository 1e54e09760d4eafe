import type { BreakdownEntryDto, SummaryRowDto } from '../dto/summary.dto';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null;
}

/** The summary's columns in every export, with the Thai headers an officer reads in Excel. */
export const SUMMARY_COLUMNS: ReadonlyArray<Column<SummaryRowDto>> = [
  { header: 'ช่วงเวลา', value: (r) => r.label },
  { header: 'ตั้งแต่วันที่', value: (r) => r.from },
  { header: 'ถึงวันที่', value: (r) => r.to },
  { header: 'รับเรื่อง', value: (r) => r.received },
  { header: 'แก้ไขแล้ว', value: (r) => r.resolved },
  { header: 'แก้ไขภายในกำหนด', value: (r) => r.resolvedWithinDeadline },
  { header: 'แก้ไขเกินกำหนด', value: (r) => r.resolvedLate },
  { header: 'อยู่ระหว่างดำเนินการ', value: (r) => r.open },
  { header: 'เคยเกินกำหนด', value: (r) => r.overdue },
  { header: 'ไม่รับพิจารณา', value: (r) => r.rejected },
  { header: 'ส่งต่อหน่วยงานอื่น', value: (r) => r.referred },
  { header: 'ถอนเรื่อง', value: (r) => r.withdrawn },
  { header: 'รวมกับเรื่องซ้ำ', value: (r) => r.merged },
  { header: 'แล้วเสร็จก่อนครบกำหนด', value: (r) => r.completedWithinDeadline },
  { header: 'ร้อยละแก้ไขภายในกำหนด', value: (r) => r.resolvedWithinDeadlinePct },
  { header: 'ร้อยละแล้วเสร็จภายใน 15 วัน', value: (r) => r.withinDeadlinePct },
  { header: 'ระยะเวลาแก้ไขเฉลี่ย (วัน)', value: (r) => r.avgDaysToResolve },
  { header: 'มัธยฐานระยะเวลาแก้ไข (วัน)', value: (r) => r.medianDaysToResolve },
  { header: 'จำนวนผู้ประเมินความพึงพอใจ', value: (r) => r.satisfaction.responses },
  { header: 'คะแนนความพึงพอใจเฉลี่ย', value: (r) => r.satisfaction.average },
  { header: 'ร้อยละผู้พึงพอใจ (4–5)', value: (r) => r.satisfaction.satisfiedPct },
];

export const BREAKDOWN_COLUMNS: ReadonlyArray<Column<{ period: string; entry: BreakdownEntryDto }>> = [
  { header: 'ช่วงเวลา', value: (r) => r.period },
  { header: 'รหัส', value: (r) => r.entry.key },
  { header: 'ชื่อ', value: (r) => r.entry.label },
  { header: 'รับเรื่อง', value: (r) => r.entry.received },
  { header: 'แก้ไขแล้ว', value: (r) => r.entry.resolved },
  { header: 'แก้ไขภายในกำหนด', value: (r) => r.entry.resolvedWithinDeadline },
  { header: 'อยู่ระหว่างดำเนินการ', value: (r) => r.entry.open },
  { header: 'เคยเกินกำหนด', value: (r) => r.entry.overdue },
];

export const BREAKDOWNS = [
  { field: 'byKind', sheet: 'ตามประเภทเรื่อง' },
  { field: 'byChannel', sheet: 'ตามช่องทาง' },
  { field: 'byDepartment', sheet: 'ตามหน่วยงาน' },
  { field: 'byCategory', sheet: 'ตามหมวดเรื่อง' },
] as const;
