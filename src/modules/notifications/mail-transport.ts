import { createTransport, type Transporter } from 'nodemailer';

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
export type MailTransport = Pick<Transporter, 'sendMail' | 'close'>;

export function createMailTransport(smtpUrl: string): MailTransport {
  return createTransport({
    url: smtpUrl,
    // Fail a dead server quickly; the queue retries with back-off.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

/** SMTP 5xx replies are final (bad address, refused); anything else may pass later. */
export function isPermanentMailError(err: unknown): boolean {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Anything shaped like an address; servers quote the recipient in their refusals. */
const ADDRESS = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;

/**
 * What we keep of a failure, in the log and in `last_error`: the error's
 * code and the server's status line, never the message body, and never an
 * address (a complainant's email must not reach the logs).
 */
export function describeMailError(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; message?: string };
  return [e.code, e.responseCode, e.message?.split('\n')[0]]
    .filter(Boolean)
    .join(' ')
    .replace(ADDRESS, '[address]');
}
