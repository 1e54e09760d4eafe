import type { Locale } from '../../../common/i18n/i18n';
import { html } from '../../../common/html';
import { bilingual, RenderedMail } from '../../notifications/templates';

const TEXT = {
  th: {
    subject: 'มีความคืบหน้าในเรื่องที่ท่านแจ้งไว้',
    body: 'มีความคืบหน้าหรือข้อความใหม่ในเรื่องที่ท่านแจ้งไว้ ติดตามได้ที่หน้าติดตามเรื่อง ด้วยรหัสรับแจ้ง 16 หลักของท่าน',
    note: 'อีเมลนี้ไม่มีรายละเอียดของเรื่องโดยเจตนา เพื่อคุ้มครองท่าน',
  },
  en: {
    subject: 'There is news about your report',
    body: 'There is progress or a new message about the report you made. Follow it up on the follow-up page with your 16-digit receipt code.',
    note: 'This email deliberately says nothing about the report, to protect you.',
  },
};

/**
 * The only mail a whistleblower ever gets: no reference number, no subject,
 * no names, no content; only that there is news and where to look.
 */
export function renderNewsMail(followUpUrl: string, first: Locale): RenderedMail {
  return bilingual(first, (locale) => {
    const t = TEXT[locale];
    return {
      subject: t.subject,
      lines: [t.body, followUpUrl, '', t.note],
      html: html`<p>${t.body}</p><p><a href="${followUpUrl}">${followUpUrl}</a></p><p><small>${t.note}</small></p>`,
    };
  });
}
