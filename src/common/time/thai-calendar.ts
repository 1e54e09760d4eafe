export const BANGKOK_TZ = 'Asia/Bangkok';
export const BE_OFFSET = 543;
const DAY_MS = 24 * 60 * 60 * 1000;

const bangkokParts = new Intl.DateTimeFormat('en-US', {
  timeZone: BANGKOK_TZ,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** Calendar date (year CE, month 1-12, day) of an instant as seen in Bangkok. */
export function bangkokDate(at: Date): { year: number; month: number; day: number } {
  const parts = Object.fromEntries(
    bangkokParts.formatToParts(at).map((p) => [p.type, p.value]),
  );
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/**
 * Thai fiscal year (ปีงบประมาณ), named by the Buddhist Era year in which it
 * ends: 1 Oct 2025 – 30 Sep 2026 (Bangkok time) is FY 2569.
 */
export function fiscalYearOf(at: Date): number {
  const { year, month } = bangkokDate(at);
  return (month >= 10 ? year + 1 : year) + BE_OFFSET;
}

/** The response deadline: seed 004 gives 15 days to resolve or explain. */
export const RESPONSE_DAYS = 15;

export function dueAtFor(receivedAt: Date, days = RESPONSE_DAYS): Date {
  return new Date(receivedAt.getTime() + days * DAY_MS);
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]);
}

export type Locale = 'th' | 'en';

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  // The Buddhist calendar gives BE years and Thai month names.
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: BANGKOK_TZ, dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: BANGKOK_TZ, dateStyle: 'long' }),
};
const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    timeZone: BANGKOK_TZ,
    dateStyle: 'long',
    timeStyle: 'short',
  }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: BANGKOK_TZ, dateStyle: 'long', timeStyle: 'short' }),
};

/** "6 ธันวาคม 2569" in Thai, "6 December 2026" in English. */
export function formatDate(at: Date, locale: Locale): string {
  return dateFormats[locale].format(at);
}

/** "30 พฤศจิกายน 2569 เวลา 08:54 น." in Thai (the way times are written in Thai), "30 November 2026 at 08:54" in English. */
export function formatDateTime(at: Date, locale: Locale): string {
  const text = dateTimeFormats[locale].format(at);
  return locale === 'th' ? `${text} น.` : text;
}

/**
 * Calendar days from `now` to `due` as Bangkok sees them: 0 on the due
 * date itself, negative once it has passed (the days overdue).
 */
export function bangkokDaysUntil(now: Date, due: Date): number {
  const day = (at: Date) => {
    const { year, month, day } = bangkokDate(at);
    return Date.UTC(year, month - 1, day) / DAY_MS;
  };
  return day(due) - day(now);
}
