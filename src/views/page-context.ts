import { DEFAULT_LOCALE, isLocale, type Locale } from '../common/i18n/i18n';
import type { PageContext, Site } from './layout';

/** Thai unless the reader chose English; the choice travels in links and forms, not cookies. */
export function localeFrom(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function pageContext(site: Site, locale: Locale, path: string, query?: Record<string, string>): PageContext {
  return { locale, path, query, org: site };
}
