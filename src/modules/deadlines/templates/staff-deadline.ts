import { fill, messagesFor } from '../../../common/i18n/i18n';
import type { Locale } from '../../../common/i18n/i18n';
import { html } from '../../../common/html';
import { formatDate } from '../../../common/time/thai-calendar';
import type { CaseKind, CaseStatus } from '../../cases';
import { bilingual, factsTable, RenderedMail } from '../../notifications/templates';
import { deadlineMessages } from '../deadline.messages';

export type StaffDeadlineKind = 'reminder' | 'escalation' | 'executive';

export interface StaffDeadlineData {
  kind: StaffDeadlineKind;
  caseKind: CaseKind;
  referenceNo: string;
  subject: string;
  department: { th: string; en: string } | null;
  status: CaseStatus;
  dueAt: Date;
  expectedAt: Date | null;
  organisation: { th: string; en: string };
}

/**
 * For staff: what is due or late, and what to do. Nothing about the
 * complainant; a corruption case shows its number only (its subject may
 * name the accused, and mail leaves the building).
 */
export function renderStaffDeadline(d: StaffDeadlineData, first: Locale): RenderedMail {
  return bilingual(first, (locale) => {
    const m = messagesFor(locale).mail;
    const s = deadlineMessages(locale).staff;
    const status = messagesFor(locale).status[d.status];
    const org = locale === 'th' ? d.organisation.th : d.organisation.en;
    const date = formatDate(d.dueAt, locale);
    const subjectLine = d.caseKind === 'corruption' ? s.corruptionSubject : d.subject;
    const facts: Array<[string, string]> = [
      [m.referenceNo, d.referenceNo],
      [m.subjectLabel, subjectLine],
      ...(d.department ? [[m.department, locale === 'th' ? d.department.th : d.department.en] as [string, string]] : []),
      [s.status, status],
      [m.dueAt, date],
      ...(d.expectedAt ? [[s.expectedAt, formatDate(d.expectedAt, locale)] as [string, string]] : []),
    ];
    const [subject, body] =
      d.kind === 'reminder'
        ? [s.reminderSubject, s.reminderBody]
        : d.kind === 'escalation'
          ? [s.escalationSubject, `${s.escalationBody}${d.caseKind === 'general' ? ` ${s.escalationTold}` : ''}`]
          : [s.executiveSubject, s.executiveBody];
    const text = fill(body, { date });
    const signature = fill(m.staffSignature, { org });
    return {
      subject: fill(subject, { referenceNo: d.referenceNo, date }),
      lines: [text, '', ...facts.map(([k, v]) => `${k}: ${v}`), '', m.openCase, '', signature],
      html: html`<p>${text}</p>${factsTable(facts)}<p>${m.openCase}</p><p>${signature}</p>`,
    };
  });
}
