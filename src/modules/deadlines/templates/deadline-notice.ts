import { fill, messagesFor } from '../../../common/i18n/i18n';
import type { Locale } from '../../../common/i18n/i18n';
import { html } from '../../../common/html';
import { formatDate } from '../../../common/time/thai-calendar';
import { thaiReferenceNo } from '../../cases';
import { bilingual, factsTable, RenderedMail } from '../../notifications/templates';
import { deadlineMessages } from '../deadline.messages';

export interface DeadlineNoticeData {
  complainantName: string;
  subject: string;
  referenceNo: string;
  dueAt: Date;
  /** The division handling it; the centre's when none is yet. Never a person's name. */
  division: { th: string; en: string } | null;
  /** The officer's explanation of the last 15 days, if there is one. */
  explanation: { at: Date; message: string | null; expectedAt: Date | null } | null;
  trackUrl: string;
  organisation: { th: string; en: string };
}

/**
 * Seed 004: "if it cannot be done within 15 days, explain to the
 * complainant". At the deadline, the officer's own explanation, or else an
 * automatic notice that the case is still being handled and by whom.
 */
export function renderDeadlineNotice(d: DeadlineNoticeData, first: Locale): RenderedMail {
  return bilingual(first, (locale) => {
    const m = messagesFor(locale).mail;
    const t = deadlineMessages(locale);
    const org = locale === 'th' ? d.organisation.th : d.organisation.en;
    const division = d.division ? (locale === 'th' ? d.division.th : d.division.en) : t.centre;
    const ref = locale === 'th' ? `${thaiReferenceNo(d.referenceNo)} (${d.referenceNo})` : d.referenceNo;
    const e = d.explanation;
    const body = e
      ? fill(t.notice.explained, { subject: d.subject, division, date: formatDate(e.at, locale) })
      : fill(t.notice.interim, { subject: d.subject, division });
    const facts: Array<[string, string]> = [
      [m.referenceNo, ref],
      [m.dueAt, formatDate(d.dueAt, locale)],
      ...(e?.expectedAt ? [[m.expectedAt, formatDate(e.expectedAt, locale)] as [string, string]] : []),
    ];
    const greeting = fill(m.greeting, { name: d.complainantName });
    const signature = fill(m.signature, { org });
    return {
      subject: fill(t.notice.subject, { referenceNo: d.referenceNo }),
      lines: [
        greeting,
        '',
        body,
        ...(e?.message ? ['', e.message] : []),
        '',
        ...facts.map(([k, v]) => `${k}: ${v}`),
        `${m.trackLink}: ${d.trackUrl}`,
        '',
        signature,
        m.automated,
      ],
      html: html`<p>${greeting}</p><p>${body}</p>${e?.message ? html`<blockquote>${e.message}</blockquote>` : ''}${factsTable(facts)}
<p>${m.trackLink}: <a href="${d.trackUrl}">${d.trackUrl}</a></p>
<p>${signature}<br><small>${m.automated}</small></p>`,
    };
  });
}
