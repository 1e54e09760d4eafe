import type { Locale } from '../../common/i18n/i18n';

/** The texts of the public statistics page and the executive report, Thai and English of the same shape. */
export interface StatisticsMessages {
  title: string;
  intro: string;
  fiscalYear: string;
  show: string;
  asOf: string;
  general: string;
  corruption: string;
  received: string;
  completed: string;
  inProgress: string;
  withinDeadline: string;
  month: string;
  total: string;
  chartTitle: string;
  satisfaction: string;
  responses: string;
  average: string;
  satisfied: string;
  target: string;
  meets: string;
  below: string;
  noRatings: string;
  definitionsTitle: string;
  definitions: string[];
}

const th: StatisticsMessages = {
  title: 'สถิติเรื่องร้องเรียน',
  intro: 'ข้อมูลสถิติเรื่องร้องทุกข์/ร้องเรียนทั่วไป และเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ ตามปีงบประมาณ แยกตามเดือนที่รับเรื่อง',
  fiscalYear: 'ปีงบประมาณ',
  show: 'แสดง',
  asOf: 'ข้อมูล ณ {at} (เป็นปัจจุบัน ณ เวลาที่เปิดหน้านี้)',
  general: 'เรื่องร้องทุกข์/ร้องเรียนทั่วไป',
  corruption: 'เรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่',
  received: 'รับเรื่อง',
  completed: 'ดำเนินการแล้วเสร็จ',
  inProgress: 'อยู่ระหว่างดำเนินการ',
  withinDeadline: 'แล้วเสร็จภายใน 15 วัน',
  month: 'เดือน',
  total: 'รวมทั้งปี',
  chartTitle: 'จำนวนเรื่องที่รับและที่ดำเนินการแล้วเสร็จ รายเดือน',
  satisfaction: 'ความพึงพอใจของผู้ร้องเรียน',
  responses: 'จำนวนผู้ตอบแบบประเมิน',
  average: 'คะแนนเฉลี่ย (เต็ม 5)',
  satisfied: 'พึงพอใจมากถึงมากที่สุด (4–5 คะแนน)',
  target: 'เป้าหมาย ไม่ต่ำกว่าร้อยละ {pct}',
  meets: 'บรรลุเป้าหมาย',
  below: 'ต่ำกว่าเป้าหมาย',
  noRatings: 'ยังไม่มีผู้ประเมิน',
  definitionsTitle: 'คำอธิบาย',
  definitions: [
    'นับเรื่องตามเดือนที่รับเรื่อง (เวลาประเทศไทย) และแสดงสถานะ ณ ปัจจุบัน',
    'ดำเนินการแล้วเสร็จ คือ เรื่องที่แก้ไขแล้ว ยุติ ส่งต่อหน่วยงานอื่น ไม่รับพิจารณา ถอนเรื่อง หรือรวมกับเรื่องซ้ำ',
    'แล้วเสร็จภายใน 15 วัน คิดจากเรื่องที่แล้วเสร็จก่อนครบกำหนด เทียบกับเรื่องที่ครบกำหนดแล้ว (เรื่องที่ยังไม่ครบกำหนดไม่นับ)',
    'ไม่มีข้อมูลส่วนบุคคลหรือรายละเอียดของเรื่องร้องเรียนในหน้านี้',
  ],
};

const en: StatisticsMessages = {
  title: 'Complaint statistics',
  intro: 'General complaints and complaints of corruption or misconduct by officials, per fiscal year, by month of receipt.',
  fiscalYear: 'Fiscal year',
  show: 'Show',
  asOf: 'Figures as of {at} (current when this page was opened)',
  general: 'General complaints',
  corruption: 'Corruption and misconduct complaints',
  received: 'Received',
  completed: 'Completed',
  inProgress: 'In progress',
  withinDeadline: 'Completed within 15 days',
  month: 'Month',
  total: 'Whole year',
  chartTitle: 'Complaints received and completed, by month',
  satisfaction: 'Complainant satisfaction',
  responses: 'Ratings given',
  average: 'Average rating (of 5)',
  satisfied: 'Satisfied (rated 4 or 5)',
  target: 'Target: at least {pct} %',
  meets: 'Target met',
  below: 'Below target',
  noRatings: 'No ratings yet',
  definitionsTitle: 'Notes',
  definitions: [
    'Cases count in the month they were received (Thai time), with their status today.',
    'Completed: resolved, closed, referred to another agency, rejected, withdrawn or merged with a duplicate.',
    'Completed within 15 days: cases completed before their due date, out of the cases whose due date has passed (cases not yet due are not counted).',
    'This page holds no personal data and no details of any complaint.',
  ],
};

export function statisticsMessages(locale: Locale): StatisticsMessages {
  return locale === 'en' ? en : th;
}
