import type { Locale } from '../../common/i18n/i18n';

/** The texts of the satisfaction rating, Thai and English of the same shape. */
export interface FeedbackMessages {
  title: string;
  intro: string;
  rating: string;
  ratings: Record<1 | 2 | 3 | 4 | 5, string>;
  comment: string;
  commentHint: string;
  submit: string;
  thanks: string;
  given: string;
  notYet: string;
  alreadyRated: string;
  ratingRequired: string;
  mailLink: string;
}

const th: FeedbackMessages = {
  title: 'ประเมินความพึงพอใจ',
  intro: 'เรื่องของท่านดำเนินการเสร็จแล้ว โปรดให้คะแนนความพึงพอใจต่อการดำเนินการ (ให้ได้ครั้งเดียว)',
  rating: 'ความพึงพอใจ',
  ratings: { 5: '5 – พอใจมากที่สุด', 4: '4 – พอใจมาก', 3: '3 – พอใจปานกลาง', 2: '2 – พอใจน้อย', 1: '1 – ไม่พอใจ' },
  comment: 'ข้อเสนอแนะ',
  commentHint: 'ไม่บังคับ ไม่เกิน 1,000 ตัวอักษร เจ้าหน้าที่เท่านั้นที่อ่านได้',
  submit: 'ส่งแบบประเมิน',
  thanks: 'ขอบคุณสำหรับการประเมิน',
  given: 'ท่านให้คะแนนความพึงพอใจแล้ว',
  notYet: 'ท่านประเมินความพึงพอใจได้เมื่อเรื่องดำเนินการเสร็จสิ้น',
  alreadyRated: 'เรื่องนี้ได้รับการประเมินแล้ว',
  ratingRequired: 'กรุณาเลือกระดับความพึงพอใจ 1 ถึง 5',
  mailLink: 'ประเมินความพึงพอใจต่อการดำเนินการ',
};

const en: FeedbackMessages = {
  title: 'Rate our handling',
  intro: 'Your complaint has been dealt with. Please rate how satisfied you are with the handling (once).',
  rating: 'Satisfaction',
  ratings: { 5: '5 – very satisfied', 4: '4 – satisfied', 3: '3 – neither', 2: '2 – dissatisfied', 1: '1 – very dissatisfied' },
  comment: 'Comments',
  commentHint: 'Optional, up to 1,000 characters; read by staff only',
  submit: 'Send rating',
  thanks: 'Thank you for your rating',
  given: 'You have rated this complaint',
  notYet: 'You can rate the handling once the complaint is closed',
  alreadyRated: 'This complaint has already been rated',
  ratingRequired: 'Choose a rating from 1 to 5',
  mailLink: 'Rate how we handled it',
};

export function feedbackMessages(locale: Locale): FeedbackMessages {
  return locale === 'en' ? en : th;
}
