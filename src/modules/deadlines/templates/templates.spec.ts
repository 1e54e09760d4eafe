import { renderDeadlineNotice } from './deadline-notice';
import { renderStaffDeadline } from './staff-deadline';

const organisation = { th: 'เทศบาลตัวอย่าง', en: 'Example Municipality' };
const notice = {
  complainantName: 'มานี <มีนา>',
  subject: 'ถนนเป็นหลุม',
  referenceNo: 'G-2570-000042',
  dueAt: new Date('2026-12-16T03:00:00Z'),
  division: { th: 'กองช่าง', en: 'Public Works Division' },
  explanation: null,
  trackUrl: 'http://rongrian.test/track?code=K7MQ9XR4TD2',
  organisation,
};

describe('the deadline notice to the complainant', () => {
  it('is Thai first, says who is handling it, with the BE date, Thai reference number and link', () => {
    const mail = renderDeadlineNotice(notice, 'th');
    expect(mail.subject).toBe('เรื่องร้องเรียน เลขที่ G-2570-000042 ครบกำหนด 15 วัน: ยังอยู่ระหว่างดำเนินการ');
    expect(mail.text).toContain('ยังอยู่ระหว่างดำเนินการโดยกองช่าง');
    expect(mail.text).toContain('ร.๔๒/๒๕๗๐ (G-2570-000042)');
    expect(mail.text).toContain('16 ธันวาคม 2569');
    expect(mail.text).toContain(notice.trackUrl);
    expect(mail.text.indexOf('เรียน')).toBeLessThan(mail.text.indexOf('Dear'));
    expect(mail.html).toContain('มานี &lt;มีนา&gt;');
  });

  it('carries the officer’s explanation and expected date when there is one, English first for an English filer', () => {
    const mail = renderDeadlineNotice(
      { ...notice, explanation: { at: new Date('2026-12-10T03:00:00Z'), message: 'Waiting for asphalt', expectedAt: new Date('2026-12-30T03:00:00Z') } },
      'en',
    );
    expect(mail.subject).toMatch(/^Complaint G-2570-000042/);
    expect(mail.text).toContain('On 10 December 2026, Public Works Division explained why:');
    expect(mail.text).toContain('Waiting for asphalt');
    expect(mail.text).toContain('30 December 2026');
    expect(mail.text).not.toContain('still being handled by');
  });
});

describe('the deadline mails to staff', () => {
  const staff = {
    kind: 'reminder' as const,
    caseKind: 'general' as const,
    referenceNo: 'G-2570-000042',
    subject: 'ถนนเป็นหลุม',
    department: { th: 'กองช่าง', en: 'Public Works Division' },
    status: 'in_progress' as const,
    dueAt: new Date('2026-12-16T03:00:00Z'),
    expectedAt: null,
    organisation,
  };

  it('tell staff the date and what to do, in Thai first', () => {
    const mail = renderStaffDeadline(staff, 'th');
    expect(mail.subject).toBe('เตือน: เรื่องร้องเรียน เลขที่ G-2570-000042 ครบกำหนด 15 วันในวันที่ 16 ธันวาคม 2569');
    expect(mail.text).toContain('โปรดบันทึก "ชี้แจง"');
  });

  it('never carry a corruption report’s subject', () => {
    const mail = renderStaffDeadline({ ...staff, kind: 'executive', caseKind: 'corruption', subject: 'นายก ก. รับสินบน' }, 'th');
    expect(mail.text).not.toContain('สินบน');
    expect(mail.subject).toContain('รายงานผู้บริหาร');
  });
});
