import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { ClientRequest, IncomingMessage, request } from 'node:http';

/** A file whose bytes are made as they are sent: `head`, then zeros up to `size`. */
export interface GeneratedFile {
  name: string;
  size: number;
  head: Buffer;
  contentType?: string;
}

const CHUNK = 64 * 1024;

/**
 * A multipart POST written part by part, so that neither the client's
 * memory nor supertest's buffering hides what the server does with a large
 * body. `pauseAfter(n)` stops after n bytes of file n's content and
 * resolves with the request, to be resumed or aborted by the test.
 */
export class MultipartStream {
  readonly boundary = `----rongrian${randomBytes(8).toString('hex')}`;
  private readonly req: ClientRequest;
  readonly response: Promise<{ status: number; body: string }>;

  constructor(url: string) {
    this.req = request(url, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${this.boundary}` } });
    this.response = new Promise((resolve, reject) => {
      this.req.once('response', (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.once('error', reject);
      });
      this.req.once('error', reject);
    });
    // A request the test aborts on purpose must not fail the run.
    this.response.catch(() => undefined);
  }

  async field(name: string, value: string): Promise<this> {
    await this.write(`--${this.boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
    return this;
  }

  /** Sends the file's part; with `upTo`, stops after that many of its bytes (the rest via `finishFile`). */
  async file(field: string, f: GeneratedFile, upTo = f.size): Promise<this> {
    await this.write(
      `--${this.boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${f.name}"\r\n` +
        `Content-Type: ${f.contentType ?? 'application/octet-stream'}\r\n\r\n`,
    );
    await this.bytes(f, 0, upTo);
    if (upTo === f.size) await this.write('\r\n');
    return this;
  }

  async finishFile(f: GeneratedFile, from: number): Promise<this> {
    await this.bytes(f, from, f.size);
    await this.write('\r\n');
    return this;
  }

  async end(): Promise<{ status: number; body: string }> {
    this.req.end(`--${this.boundary}--\r\n`);
    return this.response;
  }

  /** The client goes away mid-body. */
  abort(): void {
    this.req.destroy();
  }

  private async bytes(f: GeneratedFile, from: number, to: number): Promise<void> {
    for (let at = from; at < to; at += CHUNK) {
      const chunk = Buffer.alloc(Math.min(CHUNK, to - at));
      if (at < f.head.length) f.head.copy(chunk, 0, at, Math.min(f.head.length, at + chunk.length));
      await this.write(chunk);
    }
  }

  private async write(data: string | Buffer): Promise<void> {
    if (!this.req.write(data)) await once(this.req, 'drain');
  }
}
