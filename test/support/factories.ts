let n = 0;

/** A valid public filing; override what the test is about. */
export function complaintBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  n++;
  return {
    subject: `ไฟถนนดับ ${n}`,
    description: 'ไฟถนนหน้าบ้านเลขที่ 12 ดับมาสามคืนแล้ว ทำให้ซอยมืดและไม่ปลอดภัย',
    categoryCode: 'street_lights',
    location: 'ซอยเทศบาล 5',
    complainant: { name: 'สมศรี ใจงาม', email: `citizen${n}@example.com`, phone: '081-234-5678' },
    consent: true,
    ...overrides,
  };
}
