import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/smtp-sink';
import { childrenOf, run } from './processes';

/**
 * A Postgres server of the test's own, in a temporary directory on a free
 * port, that the test may stop, freeze and start again without touching the
 * shared one. initdb refuses to run as root: as root, the tools run as the
 * `postgres` user, which then owns the directory.
 */
export class OwnPostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<OwnPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'rongrian-pg-'));
    const server = new OwnPostgres(dir, await freePort());
    try {
      if (process.getuid?.() === 0) {
        const { stdout } = await run('id', ['-u', 'postgres']);
        const { stdout: gid } = await run('id', ['-g', 'postgres']);
        chownSync(dir, Number(stdout), Number(gid));
      }
      await server.tool('initdb', ['-D', server.dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '--no-instructions']);
      await server.resume();
      return server;
    } catch (err) {
      await server.destroy();
      throw err;
    }
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private tool(name: string, args: string[]) {
    const asRoot = process.getuid?.() === 0 && userInfo().uid === 0;
    return asRoot ? run('runuser', ['-u', 'postgres', '--', name, ...args], { timeout: 60_000 }) : run(name, args, { timeout: 60_000 });
  }

  /** Starts (or starts again) the server and waits until it takes connections. */
  async resume(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
    await this.tool('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', join(this.dir, 'server.log'), '-w', '-t', '30', 'start']);
  }

  /** A clean, quick stop: every session is told "terminating connection due to administrator command". */
  async halt(): Promise<void> {
    await this.tool('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']);
  }

  private serverPids(): number[] {
    const postmaster = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return [postmaster, ...childrenOf(postmaster)];
  }

  /** SIGSTOP to the postmaster and every backend: connections stay open and nothing answers. */
  freeze(): void {
    for (const pid of this.serverPids()) process.kill(pid, 'SIGSTOP');
  }

  thaw(): void {
    for (const pid of this.serverPids()) process.kill(pid, 'SIGCONT');
  }

  /** Stops the server whatever its state and removes its directory. */
  async destroy(): Promise<void> {
    try {
      this.thaw();
    } catch {
      // not running
    }
    await this.tool('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop']).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
