import type { Locale } from '../../common/time/thai-calendar';
import type { RenderedMail } from './templates/bilingual';
import type { NotificationTemplate } from './templates/catalogue';

/** A notice to put in the outbox, in the transaction of the change it announces. */
export interface Notice {
  template: NotificationTemplate;
  caseId: string | null;
  /** The timeline line it announces, when it announces one. */
  eventId?: string;
  /** The staff member it is for. */
  userId?: string;
  /** An address, or a reference the template's renderer resolves at send time (an address kept in a vault). */
  recipient: string;
  locale: Locale;
  /** Tells apart notices that share template, case, event and recipient (two reminders, two digests). */
  occasion?: string;
}

/**
 * The same notice can never be queued twice: a retried transaction, a
 * redelivered job or a reconciler running beside a worker all meet this key.
 */
export function dedupeKey(n: Notice): string {
  const who = n.userId ?? n.recipient.trim().toLowerCase();
  return [n.template, n.caseId ?? '-', n.eventId ?? '-', n.occasion ?? '-', who].join('|');
}

/** An outbox row as a renderer reads it. */
export interface OutboxNotice {
  id: string;
  caseId: string | null;
  eventId: string | null;
  userId: string | null;
  template: NotificationTemplate;
  recipient: string;
  locale: Locale;
}

/** What to send, built from what the database says at send time; null when the occasion has passed. */
export interface RenderedNotice {
  to: string;
  mail: RenderedMail;
}

export interface NoticeRenderer {
  render(n: OutboxNotice): Promise<RenderedNotice | null>;
}
