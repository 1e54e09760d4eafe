import { renderCaseUpdate } from './case-update';

const base = {
  complainantName: 'สมชาย',
  subject: 'ไฟถนนดับ',
  referenceNo: 'G-2569-000123',
  status: 'closed' as const,
  message: null,
  expectedAt: null,
  agency: null,
  trackUrl: 'https://rongrian.example.go.th/track?code=K7MQ9XR4TD2',
  organisation: { th: 'เทศบาลตัวอย่าง', en: 'Example Municipality' },
};

describe('case update email: the satisfaction link', () => {
  it('asks for a rating when the case is closed, in both languages', () => {
    const mail = renderCaseUpdate({ ...base, action: 'close' }, 'th');
    expect(mail.text).toContain(`ประเมินความพึงพอใจต่อการดำเนินการ: ${base.trackUrl}#feedback`);
    expect(mail.text).toContain(`Rate how we handled it: ${base.trackUrl}#feedback`);
    expect(mail.html).toContain(`href="${base.trackUrl}#feedback"`);
  });

  it('does not ask before the case is closed', () => {
    const mail = renderCaseUpdate({ ...base, action: 'resolve', status: 'resolved' }, 'th');
    expect(mail.text).not.toContain('#feedback');
  });
});
