import { fill, messagesFor } from '../../../common/i18n/i18n';
import type { Locale } from '../../../common/i18n/i18n';
import { formatDate } from '../../../common/time/thai-calendar';
import { html } from '../../../common/html';
import { formatTrackingCode, thaiReferenceNo } from '../../cases';
import { bilingual, factsTable, RenderedMail } from './bilingual';

export interface AcknowledgementData {
  complainantName: string;
  subject: string;
  referenceNo: string;
  trackingCode: string;
  dueAt: Date;
  trackUrl: string;
  organisation: { th: string; en: string };
}

/** Sent once a complaint is filed: the numbers to keep and the date we answer by. */
export function renderAcknowledgement(d: AcknowledgementData, first: Locale): RenderedMail {
  return bilingual(first, (locale) => {
    const m = messagesFor(locale).mail;
    const org = locale === 'th' ? d.organisation.th : d.organisation.en;
    const ref = locale === 'th' ? `${thaiReferenceNo(d.referenceNo)} (${d.referenceNo})` : d.referenceNo;
    const facts: Array<[string, string]> = [
      [m.referenceNo, ref],
      [m.trackingCode, formatTrackingCode(d.trackingCode)],
      [m.dueAt, formatDate(d.dueAt, locale)],
    ];
    const greeting = fill(m.greeting, { name: d.complainantName });
    const body = fill(m.ackBody, { org, subject: d.subject });
    const signature = fill(m.signature, { org });
    return {
      subject: fill(m.ackSubject, { referenceNo: d.referenceNo }),
      lines: [greeting, '', body, '', ...facts.map(([k, v]) => `${k}: ${v}`), `${m.trackLink}: ${d.trackUrl}`, '', m.keepCode, '', signature, m.automated],
      html: html`<p>${greeting}</p><p>${body}</p>${factsTable(facts)}
<p>${m.trackLink}: <a href="${d.trackUrl}">${d.trackUrl}</a></p><p>${m.keepCode}</p>
<p>${signature}<br><small>${m.automated}</small></p>`,
    };
  });
}
