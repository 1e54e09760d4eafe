import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/smtp-sink';
import { waitFor } from '../../support/wait-for';
import { Watched } from './processes';

/**
 * A Redis server of the test's own that the test may kill and start again
 * on the same port: without persistence, or with an append-only file in a
 * temporary directory (what the compose file runs), which a restart reads back.
 */
export class OwnRedis {
  private server: Watched | null = null;

  private constructor(
    readonly port: number,
    private readonly dir: string | null,
  ) {}

  static async start({ appendOnly = false } = {}): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort(), appendOnly ? mkdtempSync(join(tmpdir(), 'rongrian-redis-')) : null);
    try {
      await redis.resume();
    } catch (err) {
      await redis.destroy();
      throw err;
    }
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async resume(): Promise<void> {
    const persistence = this.dir
      ? ['--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '']
      : ['--save', '', '--appendonly', 'no'];
    const server = Watched.spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', ...persistence], {});
    this.server = server;
    await waitFor(() => server.stdout.some((l) => l.includes('Ready to accept connections')) || !server.running, {
      timeoutMs: 10_000,
      what: 'redis-server to start',
    });
    if (!server.running) throw new Error(`redis-server exited: ${server.stdout.concat(server.stderr).join('\n')}`);
  }

  /** Gone at once, as in a crash. */
  async kill(): Promise<void> {
    await this.server?.stop('SIGKILL');
  }

  async destroy(): Promise<void> {
    await this.kill();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}
