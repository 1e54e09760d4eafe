import { fill, messagesFor, type Locale } from '../../common/i18n/i18n';
import { formatDate } from '../../common/time/thai-calendar';
import { html } from '../../views/html';
import { formatTrackingCode } from '../cases/tracking-code';
import { thaiReferenceNo } from '../cases/reference-number';

export const NOTIFICATION_TEMPLATES = ['acknowledgement'] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

export interface AcknowledgementData {
  complainantName: string;
  subject: string;
  referenceNo: string;
  trackingCode: string;
  dueAt: Date;
  trackUrl: string;
  organisation: { th: string; en: string };
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Thai and English in one message, the complainant's language first, so that
 * whoever reads it in the family can.
 */
export function renderAcknowledgement(d: AcknowledgementData, first: Locale): RenderedMail {
  const order: Locale[] = first === 'en' ? ['en', 'th'] : ['th', 'en'];
  const parts = order.map((locale) => {
    const m = messagesFor(locale).mail;
    const org = locale === 'th' ? d.organisation.th : d.organisation.en;
    const ref = locale === 'th' ? `${thaiReferenceNo(d.referenceNo)} (${d.referenceNo})` : d.referenceNo;
    const lines: Array<[string, string]> = [
      [m.referenceNo, ref],
      [m.trackingCode, formatTrackingCode(d.trackingCode)],
      [m.dueAt, formatDate(d.dueAt, locale)],
    ];
    return {
      subject: fill(m.ackSubject, { referenceNo: d.referenceNo }),
      text: [
        fill(m.greeting, { name: d.complainantName }),
        '',
        fill(m.ackBody, { org, subject: d.subject }),
        '',
        ...lines.map(([k, v]) => `${k}: ${v}`),
        `${m.trackLink}: ${d.trackUrl}`,
        '',
        m.keepCode,
        '',
        fill(m.signature, { org }),
        m.automated,
      ].join('\n'),
      html: html`<div lang="${locale}">
<p>${fill(m.greeting, { name: d.complainantName })}</p>
<p>${fill(m.ackBody, { org, subject: d.subject })}</p>
<table role="presentation">${lines.map(([k, v]) => html`<tr><th align="left">${k}</th><td>${v}</td></tr>`)}</table>
<p>${m.trackLink}: <a href="${d.trackUrl}">${d.trackUrl}</a></p>
<p>${m.keepCode}</p>
<p>${fill(m.signature, { org })}<br><small>${m.automated}</small></p>
</div>`.value,
    };
  });
  return {
    subject: parts[0].subject,
    text: parts.map((p) => p.text).join('\n\n----------------------------------------\n\n'),
    html: `<!doctype html><html><body>${parts.map((p) => p.html).join('<hr>')}</body></html>`,
  };
}
