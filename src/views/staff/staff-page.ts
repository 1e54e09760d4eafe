import type { SafeHtml } from '../../common/html';

/** What a staff page renders: its title and its main content; the console's layout puts the frame around it. */
export interface StaffPageBody {
  title: string;
  main: SafeHtml;
}

/** A link into the queue at /staff, with the filter names of the queue API (GET /api/v1/cases). */
export function queueHref(filters: Record<string, string>, locale: 'th' | 'en'): string {
  const params = new URLSearchParams(filters);
  if (locale !== 'th') params.set('lang', locale);
  const qs = params.toString();
  return qs ? `/staff?${qs}` : '/staff';
}
