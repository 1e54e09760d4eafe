import type { Locale } from '../../../common/i18n/i18n';
import { html, SafeHtml } from '../../../common/html';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailPart {
  subject: string;
  /** Lines of the plain-text body. */
  lines: string[];
  html: SafeHtml;
}

/**
 * Thai and English in one message, the reader's language first, so that
 * whoever reads it in the family can. The subject is the first language's.
 */
export function bilingual(first: Locale, part: (locale: Locale) => MailPart): RenderedMail {
  const order: Locale[] = first === 'en' ? ['en', 'th'] : ['th', 'en'];
  const parts = order.map((locale) => ({ locale, ...part(locale) }));
  return {
    subject: parts[0].subject,
    text: parts.map((p) => p.lines.join('\n')).join('\n\n----------------------------------------\n\n'),
    html: `<!doctype html><html><body>${parts.map((p) => html`<div lang="${p.locale}">${p.html}</div>`.value).join('<hr>')}</body></html>`,
  };
}

/** A label–value table for the HTML part. */
export function factsTable(rows: Array<[string, string]>): SafeHtml {
  return html`<table role="presentation">${rows.map(([k, v]) => html`<tr><th align="left">${k}</th><td>${v}</td></tr>`)}</table>`;
}
