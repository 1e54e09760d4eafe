import { freePort } from '../../support/smtp-sink';
import { waitFor } from '../../support/wait-for';
import { Watched } from './processes';

/** A Redis server of the test's own, without persistence, that the test may kill and start again on the same port. */
export class OwnRedis {
  private server: Watched | null = null;

  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort());
    await redis.resume();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async resume(): Promise<void> {
    const server = Watched.spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {});
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
  }
}
