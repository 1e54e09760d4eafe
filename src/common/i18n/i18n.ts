import type { Locale } from '../time/thai-calendar';
import { en } from './messages.en';
import { th, type Messages } from './messages.th';

export type { Locale, Messages };
export const LOCALES: readonly Locale[] = ['th', 'en'];
export const DEFAULT_LOCALE: Locale = 'th';

export function messagesFor(locale: Locale): Messages {
  return locale === 'en' ? en : th;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'th' || value === 'en';
}

/** `{name}` placeholders; values are inserted as they are (escape at the output). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
