import { bangkokInputValue, fromBangkokInput, registrationFromForm } from './registration-form';

describe('the registration form', () => {
  it('shows and reads times as Bangkok time', () => {
    expect(bangkokInputValue(new Date('2026-03-02T02:30:45Z'))).toBe('2026-03-02T09:30');
    expect(bangkokInputValue(new Date('2026-03-02T20:00:00Z'))).toBe('2026-03-03T03:00');
    expect(new Date(fromBangkokInput('2026-03-02T09:30') as string).toISOString()).toBe('2026-03-02T02:30:00.000Z');
    expect(fromBangkokInput('yesterday')).toBe('yesterday');
  });

  it('leaves out empty fields, and the complainant when nothing of them was typed', () => {
    const body = registrationFromForm(
      { channel: 'phone', receivedAt: '2026-03-02T09:30', subject: ' น้ำไม่ไหล ', description: 'สองวันแล้ว', location: '', 'complainant.name': '', anonymous: 'yes' },
      'general',
    );
    expect(body).toEqual({
      kind: 'general',
      channel: 'phone',
      receivedAt: '2026-03-02T09:30:00+07:00',
      subject: 'น้ำไม่ไหล',
      description: 'สองวันแล้ว',
      categoryCode: undefined,
      location: undefined,
      anonymous: true,
      complainant: undefined,
      consent: undefined,
      letterNo: undefined,
      letterDate: undefined,
    });
  });

  it('keeps a complainant with only a phone number, so that the missing name is reported', () => {
    const body = registrationFromForm({ 'complainant.phone': '0812345678', consent: 'yes' }, 'corruption');
    expect(body.complainant).toEqual({ name: undefined, phone: '0812345678', email: undefined, address: undefined });
    expect(body.consent).toBe(true);
    expect(body.kind).toBe('corruption');
  });
});
