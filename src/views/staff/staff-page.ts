import type { SafeHtml } from '../../common/html';
import type { Locale } from '../../common/i18n/i18n';
import { href } from '../layout';

/** What a staff page renders: its title and its main content; the console's layout puts the frame around it. */
export interface StaffPageBody {
  title: string;
  main: SafeHtml;
}

/** A link into the queue at /staff, with the filter names of the queue API (GET /api/v1/cases). */
export function queueHref(filters: Record<string, string>, locale: Locale): string {
  return href({ locale }, '/staff', filters);
}

