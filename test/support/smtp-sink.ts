import { ParsedMail, simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './wait-for';

/** A real SMTP server on loopback that keeps every message it accepts. */
export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.messages.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    // A sender killed in the middle of a session resets its connection; smtp-server reports that as an
    // 'error' event, which must not take the test process down.
    this.server.on('error', () => undefined);
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ParsedMail[] {
    return this.messages.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.text.includes(address)));
  }

  /** For an address that gets one mail; where more are due, wait for all of them with `waitForExactly`. */
  waitForMail(address: string, timeoutMs = 10_000): Promise<ParsedMail> {
    return waitFor(() => this.to(address)[0], { timeoutMs, what: `mail to ${address}` });
  }

  /**
   * Waits until as many mails as `subjects` reached `address`, then requires
   * exactly those subjects and returns the mails in the order asked. Arrival
   * order means nothing (the queue sends several at once), and waiting for
   * "at least N" before looking at mail N+1 is what made tests flaky under load.
   */
  waitForExactly(address: string, subjects: string[], timeoutMs = 10_000): Promise<ParsedMail[]> {
    const mismatch = () =>
      `expected ${JSON.stringify([...subjects].sort())}, received ${JSON.stringify(this.to(address).map((m) => m.subject).sort())}`;
    const probe = () => {
      const mails = this.to(address);
      if (mails.length < subjects.length) return undefined;
      // From here on no later mail can make it right: fail now rather than at the timeout.
      const ordered = mails.length === subjects.length ? inOrderOf(subjects, mails) : undefined;
      if (!ordered) throw new Error(`mails to ${address}: ${mismatch()}`);
      return ordered;
    };
    return waitFor(probe, { timeoutMs, what: () => `${subjects.length} mails to ${address}: ${mismatch()}` });
  }

  async stop(): Promise<void> {
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

/** The mails matched one to one with `subjects`, in that order; undefined unless every subject has its own mail. */
function inOrderOf(subjects: string[], mails: ParsedMail[]): ParsedMail[] | undefined {
  const left = [...mails];
  const ordered: ParsedMail[] = [];
  for (const subject of subjects) {
    const i = left.findIndex((m) => m.subject === subject);
    if (i < 0) return undefined;
    ordered.push(...left.splice(i, 1));
  }
  return ordered;
}

/** A loopback port that nothing listens on (yet). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
