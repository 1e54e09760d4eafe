import { fill, messagesFor } from '../../../common/i18n/i18n';
import type { Locale } from '../../../common/i18n/i18n';
import { formatDate } from '../../../common/time/thai-calendar';
import { html } from '../../../common/html';
import { bilingual, factsTable, RenderedMail } from './bilingual';

export interface AssignmentData {
  shared: boolean;
  referenceNo: string;
  subject: string;
  departmentName: string | null;
  departmentNameEn: string | null;
  dueAt: Date;
  organisation: { th: string; en: string };
}

/** Tells an officer or a division that a case is now theirs (or shared with them); written for staff. */
export function renderAssignment(d: AssignmentData, first: Locale): RenderedMail {
  return bilingual(first, (locale) => {
    const m = messagesFor(locale).mail;
    const org = locale === 'th' ? d.organisation.th : d.organisation.en;
    const department = locale === 'th' ? d.departmentName : (d.departmentNameEn ?? d.departmentName);
    const facts: Array<[string, string]> = [
      [m.referenceNo, d.referenceNo],
      [m.subjectLabel, d.subject],
      ...(department ? [[m.department, department] as [string, string]] : []),
      [m.staffDueAt, formatDate(d.dueAt, locale)],
    ];
    const body = d.shared ? m.shareBody : m.assignBody;
    const signature = fill(m.staffSignature, { org });
    return {
      subject: fill(m.assignSubject, { referenceNo: d.referenceNo }),
      lines: [body, '', ...facts.map(([k, v]) => `${k}: ${v}`), '', m.openCase, '', signature],
      html: html`<p>${body}</p>${factsTable(facts)}<p>${m.openCase}</p><p>${signature}</p>`,
    };
  });
}
