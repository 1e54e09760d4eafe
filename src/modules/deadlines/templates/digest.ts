import { fill, messagesFor } from '../../../common/i18n/i18n';
import type { Locale } from '../../../common/i18n/i18n';
import { html } from '../../../common/html';
import { formatDate } from '../../../common/time/thai-calendar';
import { bilingual, RenderedMail } from '../../notifications/templates';
import { deadlineMessages } from '../deadline.messages';

export interface DigestItem {
  referenceNo: string;
  subject: string;
  dueAt: Date;
}

export interface DigestSection {
  items: DigestItem[];
  /** All of them; `items` may be the first few. */
  total: number;
}

export interface DigestData {
  date: Date;
  /** The department's name for a head; null for the centre (every division). */
  scope: { th: string; en: string } | null;
  dueToday: DigestSection;
  dueSoon: DigestSection;
  overdue: DigestSection;
  organisation: { th: string; en: string };
}

/** The 08:00 list for a department head or the centre: due today, due within 3 days, overdue. */
export function renderDigest(d: DigestData, first: Locale): RenderedMail {
  return bilingual(first, (locale) => {
    const m = messagesFor(locale).mail;
    const t = deadlineMessages(locale).digest;
    const org = locale === 'th' ? d.organisation.th : d.organisation.en;
    const scope = d.scope ? (locale === 'th' ? d.scope.th : d.scope.en) : t.scopeAll;
    const sections: Array<[string, DigestSection]> = [
      [t.overdue, d.overdue],
      [t.dueToday, d.dueToday],
      [t.dueSoon, d.dueSoon],
    ];
    const item = (i: DigestItem) => fill(t.item, { referenceNo: i.referenceNo, subject: i.subject, date: formatDate(i.dueAt, locale) });
    const more = (s: DigestSection) => (s.total > s.items.length ? fill(t.more, { count: String(s.total - s.items.length) }) : null);
    const intro = fill(t.intro, { scope });
    const signature = fill(m.staffSignature, { org });
    return {
      subject: fill(t.subject, { date: formatDate(d.date, locale) }),
      lines: [
        intro,
        ...sections.flatMap(([title, s]) => [
          '',
          `${title} (${s.total})`,
          ...(s.total === 0 ? [`- ${t.none}`] : s.items.map((i) => `- ${item(i)}`)),
          ...(more(s) ? [`  ${more(s)}`] : []),
        ]),
        '',
        m.openCase,
        '',
        signature,
      ],
      html: html`<p>${intro}</p>${sections.map(
        ([title, s]) =>
          html`<h3>${title} (${s.total})</h3><ul>${s.total === 0 ? html`<li>${t.none}</li>` : s.items.map((i) => html`<li>${item(i)}</li>`)}${more(s) ? html`<li>${more(s)}</li>` : ''}</ul>`,
      )}<p>${m.openCase}</p><p>${signature}</p>`,
    };
  });
}
