import type { Locale } from '../../common/i18n/i18n';

export interface DashboardMessages {
  title: string;
  asOf: string;
  thisMonth: string;
  yearSoFar: string;
  received: string;
  resolved: string;
  withinDeadline: string;
  overdueNow: string;
  overdueNowHint: string;
  satisfaction: string;
  satisfactionOf: string;
  belowTarget: string;
  noRatings: string;
  byMonth: string;
  byChannel: string;
  byDepartment: string;
  drillHint: string;
  reports: string;
  reportsHint: string;
  csv: string;
  xlsx: string;
  pdf: string;
  nothingYet: string;
}

const th: DashboardMessages = {
  title: 'ภาพรวมสำหรับผู้บริหาร',
  asOf: 'ข้อมูล ณ {at}',
  thisMonth: 'เดือนนี้ ({label})',
  yearSoFar: 'ปีงบประมาณ {year} ถึงปัจจุบัน',
  received: 'รับเรื่อง',
  resolved: 'แก้ไขแล้ว',
  withinDeadline: 'เสร็จภายใน 15 วัน',
  overdueNow: 'เกินกำหนดขณะนี้',
  overdueNowHint: 'เรื่องที่ยังไม่เสร็จและเลยกำหนด 15 วันแล้ว ไม่ว่ารับเมื่อใด',
  satisfaction: 'ความพึงพอใจ',
  satisfactionOf: 'จาก {n} คำตอบ',
  belowTarget: 'ต่ำกว่าเป้าหมาย {pct} %',
  noRatings: 'ยังไม่มีผู้ประเมิน',
  byMonth: 'รับเรื่องและแก้ไขแล้ว รายเดือน',
  byChannel: 'แยกตามช่องทาง',
  byDepartment: 'แยกตามหน่วยงาน',
  drillHint: 'คลิกแถวเพื่อเปิดรายการเรื่องที่ตรงกัน',
  reports: 'รายงาน',
  reportsHint: 'รายงานประจำปีงบประมาณ {year} แยกรายเดือน',
  csv: 'ดาวน์โหลด CSV',
  xlsx: 'ดาวน์โหลด Excel (XLSX)',
  pdf: 'ดาวน์โหลด PDF',
  nothingYet: 'ยังไม่มีเรื่องในปีงบประมาณนี้',
};

const en: DashboardMessages = {
  title: 'Executive dashboard',
  asOf: 'Figures as of {at}',
  thisMonth: 'This month ({label})',
  yearSoFar: 'Fiscal year {year} so far',
  received: 'Received',
  resolved: 'Resolved',
  withinDeadline: 'Done within 15 days',
  overdueNow: 'Overdue now',
  overdueNowHint: 'Open cases past their 15-day deadline, whenever received',
  satisfaction: 'Satisfaction',
  satisfactionOf: 'from {n} ratings',
  belowTarget: 'below the {pct} % target',
  noRatings: 'No ratings yet',
  byMonth: 'Received and resolved by month',
  byChannel: 'By channel',
  byDepartment: 'By department',
  drillHint: 'Click a row to open the matching cases',
  reports: 'Reports',
  reportsHint: 'The report of fiscal year {year}, month by month',
  csv: 'Download CSV',
  xlsx: 'Download Excel (XLSX)',
  pdf: 'Download PDF',
  nothingYet: 'No cases in this fiscal year yet',
};

export function dashboardMessages(locale: Locale): DashboardMessages {
  return locale === 'en' ? en : th;
}
