import { reportFromForm } from './whistleblower-pages.controller';

describe('the report form, read as the API body', () => {
  it('leaves out empty fields, and a group when nothing in it was typed', () => {
    expect(reportFromForm({ subject: 'เรื่อง', description: 'รายละเอียด', 'accused.name': ' ', 'identity.email': '', 'pow.id': '' })).toEqual({
      subject: 'เรื่อง',
      description: 'รายละเอียด',
      accused: undefined,
      incidentDate: undefined,
      identity: undefined,
      pow: undefined,
    });
  });

  it('keeps what was typed, with the proof of work only when both its parts came', () => {
    const body = reportFromForm({
      subject: 's',
      description: 'd',
      'accused.position': 'นายช่าง',
      'identity.name': 'ก',
      'identity.phone': '0812345678',
      incidentDate: '2026-10-01',
      'pow.id': 'abc',
      'pow.nonce': '42',
    });
    expect(body).toMatchObject({
      accused: { position: 'นายช่าง' },
      identity: { name: 'ก', phone: '0812345678' },
      incidentDate: '2026-10-01',
      pow: { id: 'abc', nonce: '42' },
    });
    expect(reportFromForm({ 'pow.id': 'abc' }).pow).toBeUndefined();
  });
});
