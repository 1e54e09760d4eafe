let n = 0;
/**
 * Each test file counts from 1, and the files of one jest worker share a database: a mail a file left
 * pending goes out when the next file's worker starts, so every file's addresses are its own.
 */
const fileTag = Math.random().toString(36).slice(2, 8);

/** A valid public filing; override what the test is about. */
export function complaintBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  n++;
  return {
    subject: `ไฟถนนดับ ${n}`,
    description: 'ไฟถนนหน้าบ้านเลขที่ 12 ดับมาสามคืนแล้ว ทำให้ซอยมืดและไม่ปลอดภัย',
    categoryCode: 'street_lights',
    location: 'ซอยเทศบาล 5',
    complainant: { name: 'สมศรี ใจงาม', email: `citizen${n}.${fileTag}@example.com`, phone: '081-234-5678' },
    consent: true,
    ...overrides,
  };
}
