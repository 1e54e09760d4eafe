import { fill, messagesFor } from '../../../common/i18n/i18n';
import type { Locale } from '../../../common/i18n/i18n';
import { formatDate } from '../../../common/time/thai-calendar';
import { html } from '../../../common/html';
import type { CaseStatus, ComplainantAction } from '../../cases';
import { feedbackMessages } from '../../feedback/feedback-messages';
import { bilingual, factsTable, RenderedMail } from './bilingual';

export interface CaseUpdateData {
  complainantName: string;
  subject: string;
  referenceNo: string;
  action: ComplainantAction;
  status: CaseStatus;
  message: string | null;
  expectedAt: Date | null;
  agency: string | null;
  trackUrl: string;
  organisation: { th: string; en: string };
}

/** Tells the complainant what happened, in the words the officer wrote for them. */
export function renderCaseUpdate(d: CaseUpdateData, first: Locale): RenderedMail {
  return bilingual(first, (locale) => {
    const all = messagesFor(locale);
    const m = all.mail;
    const org = locale === 'th' ? d.organisation.th : d.organisation.en;
    const status = all.status[d.status];
    const facts: Array<[string, string]> = [
      [m.referenceNo, d.referenceNo],
      [m.status, status],
      ...(d.expectedAt ? [[m.expectedAt, formatDate(d.expectedAt, locale)] as [string, string]] : []),
      ...(d.agency ? [[m.agency, d.agency] as [string, string]] : []),
    ];
    const greeting = fill(m.greeting, { name: d.complainantName });
    const intro = `${fill(m.updateBody, { subject: d.subject })} ${m.actions[d.action]}`;
    const signature = fill(m.signature, { org });
    // Closing is when the complainant can rate the handling (seed 004: satisfaction target 80 %).
    const rateUrl = d.action === 'close' ? `${d.trackUrl}#feedback` : null;
    const rateText = feedbackMessages(locale).mailLink;
    return {
      subject: fill(m.updateSubject, { referenceNo: d.referenceNo, status }),
      lines: [
        greeting,
        '',
        intro,
        '',
        ...facts.map(([k, v]) => `${k}: ${v}`),
        ...(d.message ? ['', `${m.details}:`, d.message] : []),
        '',
        `${m.trackLink}: ${d.trackUrl}`,
        ...(rateUrl ? [`${rateText}: ${rateUrl}`] : []),
        '',
        signature,
        m.automated,
      ],
      html: html`<p>${greeting}</p><p>${intro}</p>${factsTable(facts)}
${d.message ? html`<p><strong>${m.details}:</strong></p><blockquote>${d.message}</blockquote>` : ''}
<p>${m.trackLink}: <a href="${d.trackUrl}">${d.trackUrl}</a></p>
${rateUrl ? html`<p>${rateText}: <a href="${rateUrl}">${rateUrl}</a></p>` : ''}
<p>${signature}<br><small>${m.automated}</small></p>`,
    };
  });
}
