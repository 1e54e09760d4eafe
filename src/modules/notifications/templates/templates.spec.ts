import { renderAcknowledgement } from './acknowledgement';
import { renderAssignment } from './assignment';

const data = {
  complainantName: 'สมชาย <ใจดี>',
  subject: 'ไฟถนนดับ',
  referenceNo: 'G-2569-000123',
  trackingCode: 'K7MQ9XR4TD2',
  dueAt: new Date('2026-12-06T03:00:00Z'),
  trackUrl: 'https://rongrian.example.go.th/track?code=K7MQ9XR4TD2',
  organisation: { th: 'เทศบาลตัวอย่าง', en: 'Example Municipality' },
};

describe('acknowledgement email', () => {
  it('is Thai first, with reference, tracking code, BE due date and link', () => {
    const mail = renderAcknowledgement(data, 'th');
    expect(mail.subject).toBe('ได้รับเรื่องร้องเรียนของท่านแล้ว เลขที่ G-2569-000123');
    expect(mail.text).toContain('ร.๑๒๓/๒๕๖๙ (G-2569-000123)');
    expect(mail.text).toContain('K7MQ-9XR4-TD2');
    expect(mail.text).toContain('6 ธันวาคม 2569');
    expect(mail.text).toContain(data.trackUrl);
    expect(mail.text.indexOf('เรียน')).toBeLessThan(mail.text.indexOf('Dear'));
  });

  it('puts English first when the complainant wrote in English', () => {
    const mail = renderAcknowledgement(data, 'en');
    expect(mail.subject).toMatch(/^We have received/);
    expect(mail.text.indexOf('Dear')).toBeLessThan(mail.text.indexOf('เรียน'));
    expect(mail.text).toContain('6 December 2026');
  });

  it('escapes what the citizen typed in the HTML part', () => {
    const mail = renderAcknowledgement(data, 'th');
    expect(mail.html).toContain('สมชาย &lt;ใจดี&gt;');
    expect(mail.html).not.toContain('<ใจดี>');
  });
});

describe('assignment email', () => {
  const assignment = {
    shared: false,
    referenceNo: 'G-2569-000123',
    subject: 'ไฟถนนดับ',
    departmentName: 'กองช่าง',
    departmentNameEn: 'Public Works Division',
    dueAt: new Date('2026-12-06T03:00:00Z'),
    organisation: { th: 'เทศบาลตัวอย่าง', en: 'Example Municipality' },
  };

  it('is written for staff in both languages, naming the division in each', () => {
    const mail = renderAssignment(assignment, 'th');
    const [thai, english] = mail.text.split('----------------------------------------');
    expect(thai).toContain('กองช่าง');
    expect(thai).toContain('กำหนดแจ้งผลหรือชี้แจงผู้ร้อง');
    expect(english).toContain('Public Works Division');
    expect(english).not.toContain('กองช่าง');
    expect(english).toContain('Due (the 15-day deadline)');
    // Not the citizen's wording.
    expect(english).not.toContain('We will report back');
    expect(english).not.toContain('Dear');
  });
});
