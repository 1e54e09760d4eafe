import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Arrival {
  /** The Message-ID header, as sent. */
  messageId: string;
  at: number;
}

/**
 * The drills' mail server: a real SMTP server on loopback that answers as
 * soon as a message is in (as an MTA does once it has queued it) and keeps
 * only its Message-ID and arrival time, so that the drill's own load never
 * widens the moment between acceptance and the sender hearing of it. It can
 * stop and start again on the same port; what arrived is kept.
 */
export class MailSink {
  readonly arrivals: Arrival[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(port = this.port): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', callback);
        stream.on('end', () => {
          const head = Buffer.concat(chunks).toString('latin1').split(/\r?\n\r?\n/, 1)[0];
          const messageId = /^message-id:\s*(<[^>\r\n]+>)/im.exec(head)?.[1] ?? '';
          this.arrivals.push({ messageId, at: Date.now() });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    // A sender killed in the middle of a session resets its connection: that is an 'error' event, and no failure of ours.
    server.on('error', () => undefined);
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
