import type { Locale } from '../../common/time/thai-calendar';

/** The deadline engine's texts: mails and the system's timeline lines. Thai first; English of the same shape. */
const th = {
  centre: 'ศูนย์รับเรื่องร้องทุกข์/ร้องเรียน',
  notice: {
    subject: 'เรื่องร้องเรียน เลขที่ {referenceNo} ครบกำหนด 15 วัน: ยังอยู่ระหว่างดำเนินการ',
    interim:
      'เรื่องร้องเรียนของท่าน เรื่อง "{subject}" ครบกำหนด 15 วันแล้ว แต่ยังดำเนินการไม่แล้วเสร็จ ขณะนี้เรื่องของท่านยังอยู่ระหว่างดำเนินการโดย{division} และจะแจ้งผลให้ท่านทราบเมื่อดำเนินการแล้วเสร็จ',
    explained:
      'เรื่องร้องเรียนของท่าน เรื่อง "{subject}" ครบกำหนด 15 วันแล้ว แต่ยังดำเนินการไม่แล้วเสร็จ {division}ได้ชี้แจงเหตุผลไว้เมื่อวันที่ {date} ดังนี้',
    division: 'หน่วยงานที่รับผิดชอบ',
  },
  timeline: {
    interim: 'ครบกำหนด 15 วัน เรื่องยังอยู่ระหว่างดำเนินการโดย{division}',
    explained: 'ครบกำหนด 15 วัน หน่วยงานได้ชี้แจงเหตุผลไว้เมื่อวันที่ {date}',
    escalation: 'ยังไม่แล้วเสร็จเมื่อเกินกำหนด 15 วันมาแล้ว 15 วัน รายงานผู้บริหาร',
  },
  staff: {
    reminderSubject: 'เตือน: เรื่องร้องเรียน เลขที่ {referenceNo} ครบกำหนด 15 วันในวันที่ {date}',
    reminderBody:
      'เรื่องนี้ยังไม่แล้วเสร็จ และจะครบกำหนดแจ้งผลหรือชี้แจงผู้ร้องตามมาตรการ 15 วันในวันที่ {date} หากดำเนินการไม่ทัน โปรดบันทึก "ชี้แจง" พร้อมวันที่คาดว่าจะแล้วเสร็จก่อนครบกำหนด ผู้ร้องจะได้รับคำชี้แจงของท่านแทนข้อความอัตโนมัติ',
    escalationSubject: 'เกินกำหนด 15 วัน: เรื่องร้องเรียน เลขที่ {referenceNo}',
    escalationBody: 'เรื่องนี้ครบกำหนด 15 วันเมื่อ {date} แต่ยังไม่แล้วเสร็จ ระบบบันทึกว่าเกินกำหนดแล้ว (นับในสถิติแม้จะแล้วเสร็จในภายหลัง)',
    escalationTold: 'ผู้ร้องได้รับแจ้งแล้วว่าเรื่องยังอยู่ระหว่างดำเนินการ',
    executiveSubject: 'รายงานผู้บริหาร: เรื่องร้องเรียน เลขที่ {referenceNo} เกินกำหนดมา 15 วัน',
    executiveBody: 'เรื่องนี้ครบกำหนด 15 วันเมื่อ {date} และยังไม่แล้วเสร็จหลังจากนั้นอีก 15 วัน จึงรายงานให้ผู้บริหารทราบเพื่อติดตาม',
    corruptionSubject: 'เรื่องร้องเรียนการทุจริต (รายละเอียดดูในระบบเท่านั้น)',
    status: 'สถานะ',
    expectedAt: 'คาดว่าจะแล้วเสร็จภายใน',
  },
  digest: {
    subject: 'สรุปเรื่องร้องเรียนที่ใกล้ครบกำหนดและเกินกำหนด ประจำวันที่ {date}',
    intro: 'เรื่องที่ยังไม่แล้วเสร็จของ{scope} ณ เวลา 08:00 น.',
    scopeAll: 'ทุกกอง',
    dueToday: 'ครบกำหนดวันนี้',
    dueSoon: 'ครบกำหนดภายใน 3 วัน',
    overdue: 'เกินกำหนดแล้ว',
    item: '{referenceNo} {subject} (กำหนด {date})',
    more: 'และอีก {count} เรื่อง',
    none: 'ไม่มี',
  },
};

export type DeadlineMessages = typeof th;

const en: DeadlineMessages = {
  centre: 'the complaint centre',
  notice: {
    subject: 'Complaint {referenceNo}: 15 days have passed and it is still being handled',
    interim:
      'Your complaint "{subject}" has reached the 15-day deadline without being resolved yet. It is still being handled by {division}, and you will be told the outcome when it is done.',
    explained:
      'Your complaint "{subject}" has reached the 15-day deadline without being resolved yet. On {date}, {division} explained why:',
    division: 'the responsible division',
  },
  timeline: {
    interim: '15-day deadline reached; still being handled by {division}',
    explained: '15-day deadline reached; the division explained why on {date}',
    escalation: 'Still open 15 days after the deadline; reported to the executive',
  },
  staff: {
    reminderSubject: 'Reminder: complaint {referenceNo} is due on {date}',
    reminderBody:
      'This case is not resolved yet and its 15-day deadline is {date}. If it cannot be resolved in time, record an "explain" action with the expected date before the deadline: the complainant then gets your explanation instead of the automatic notice.',
    escalationSubject: 'Past the 15-day deadline: complaint {referenceNo}',
    escalationBody:
      'This case was due on {date} and is not resolved. It is now recorded as overdue (it stays counted as such in the statistics even when resolved later).',
    escalationTold: 'The complainant has been told that the case is still being handled.',
    executiveSubject: 'For the executive: complaint {referenceNo} is 15 days past its deadline',
    executiveBody: 'This case was due on {date} and is still not resolved 15 days later; it is reported to the executive to follow up.',
    corruptionSubject: 'A corruption report (details in the system only)',
    status: 'Status',
    expectedAt: 'Expected by',
  },
  digest: {
    subject: 'Cases due and overdue, {date}',
    intro: 'Open cases of {scope} at 08:00.',
    scopeAll: 'every division',
    dueToday: 'Due today',
    dueSoon: 'Due within 3 days',
    overdue: 'Overdue',
    item: '{referenceNo} {subject} (due {date})',
    more: 'and {count} more',
    none: 'none',
  },
};

export function deadlineMessages(locale: Locale): DeadlineMessages {
  return locale === 'en' ? en : th;
}
