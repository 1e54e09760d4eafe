import type { CaseKind, Channel } from '../cases';

/** Names of kinds and channels in the statistics, Thai first. */
export const KIND_LABELS: Readonly<Record<CaseKind, { th: string; en: string }>> = {
  general: { th: 'เรื่องร้องทุกข์/ร้องเรียนทั่วไป', en: 'General complaints' },
  corruption: { th: 'เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', en: 'Corruption and misconduct complaints' },
};

export const CHANNEL_LABELS: Readonly<Record<Channel, { th: string; en: string }>> = {
  web: { th: 'เว็บไซต์', en: 'Website' },
  phone: { th: 'โทรศัพท์', en: 'Phone' },
  letter: { th: 'หนังสือ', en: 'Letter' },
  walk_in: { th: 'มาด้วยตนเอง', en: 'In person' },
  complaint_box: { th: 'ตู้รับเรื่องร้องเรียน', en: 'Complaint box' },
  email: { th: 'อีเมล', en: 'Email' },
  social: { th: 'สื่อสังคมออนไลน์', en: 'Social media' },
  referral: { th: 'ส่งต่อจากหน่วยงานอื่น (1111, 1567)', en: 'Referred (1111, 1567)' },
  other: { th: 'อื่น ๆ', en: 'Other' },
};

export const NO_DEPARTMENT = { th: 'ยังไม่มอบหมายหน่วยงาน', en: 'Not yet assigned' };
export const NO_CATEGORY = { th: 'ไม่ระบุประเภท', en: 'No category' };
