import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createDataSource } from '../src/database/data-source';
import { migrateDatabase } from '../src/database/migrate';
import { seedReferenceData } from '../src/seed/seed';
import { OwnPostgres } from '../test/hardening/support/own-postgres';
import { OwnRedis } from '../test/hardening/support/own-redis';
import { ServerProcess } from '../test/hardening/support/server-process';
import { freePort } from '../test/support/smtp-sink';
import { MailSink } from './mail-sink';

export const STAFF_PASSWORD = 'drill-password-1';
export const REDIS_PREFIX = 'rongrian-drill';
const AUTH_TOKEN_SECRET = 'drill-only-secret-'.padEnd(48, 'x');

/** Every stack alive, so that an interrupted run still removes them all. */
const alive = new Set<DrillStack>();

export async function destroyAllStacks(): Promise<void> {
  await Promise.allSettled([...alive].map((s) => s.destroy()));
}

export interface StackOptions {
  /** Redis with its append-only file, as compose runs it. */
  appendOnlyRedis?: boolean;
  /** Settings of every server this stack starts. */
  env?: Record<string, string>;
}

/**
 * One drill's world: a Postgres, a Redis and an SMTP sink of its own on free
 * loopback ports, and the servers it starts against them on one fixed port,
 * so that a server started again answers where the last one did. Nothing of
 * the shared instances is touched.
 */
export class DrillStack {
  readonly servers = new Set<ServerProcess>();
  readonly db: Pool;

  private constructor(
    readonly pg: OwnPostgres,
    readonly redis: OwnRedis,
    readonly smtp: MailSink,
    readonly port: number,
    private readonly dir: string,
    private readonly env: Record<string, string>,
  ) {
    this.db = new Pool({ connectionString: pg.url('rongrian'), max: 4 });
    // A query that meets a Postgres being restarted fails; the pool must not take the drill down with it.
    this.db.on('error', () => undefined);
  }

  static async start(options: StackOptions = {}): Promise<DrillStack> {
    const dir = mkdtempSync(join(tmpdir(), 'rongrian-drill-'));
    const parts: { pg?: OwnPostgres; redis?: OwnRedis; smtp?: MailSink } = {};
    try {
      [parts.pg, parts.redis, parts.smtp] = await Promise.all([
        OwnPostgres.start(),
        OwnRedis.start({ appendOnly: options.appendOnlyRedis }),
        new MailSink().start(),
      ]);
      const url = parts.pg.url('rongrian');
      await migrateDatabase(url);
      const ds = createDataSource(url);
      await ds.initialize();
      try {
        await seedReferenceData(ds, STAFF_PASSWORD);
      } finally {
        await ds.destroy();
      }
      const stack = new DrillStack(parts.pg, parts.redis, parts.smtp, await freePort(), dir, options.env ?? {});
      alive.add(stack);
      return stack;
    } catch (err) {
      await Promise.allSettled([parts.pg?.destroy(), parts.redis?.destroy(), parts.smtp?.stop()]);
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  serverEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.pg.url('rongrian'),
      REDIS_URL: this.redis.url,
      REDIS_PREFIX,
      SMTP_URL: this.smtp.url,
      PORT: String(this.port),
      METRICS_PORT: '0',
      PUBLIC_BASE_URL: 'http://drill.example.go.th',
      PUBLIC_RATE_LIMIT: '0',
      TRACKING_RATE_LIMIT: '0',
      AUTH_TOKEN_SECRET,
      ATTACHMENTS_DIR: join(this.dir, 'attachments'),
      LOG_LEVEL: 'warn',
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
      DATABASE_STATEMENT_TIMEOUT_MS: '3000',
      DATABASE_LOCK_TIMEOUT_MS: '2000',
      SHUTDOWN_TIMEOUT_MS: '5000',
      MAIL_RETRY_DELAY_MS: '1000',
      ...this.env,
      ...extra,
    };
  }

  /** A server (`main`, workers included unless told otherwise) or a worker process, not waited for. */
  spawn(entry: 'main' | 'worker' = 'main', extra: Record<string, string> = {}): ServerProcess {
    const server = ServerProcess.start(entry, this.serverEnv(extra));
    this.servers.add(server);
    void server.exited.then(() => this.servers.delete(server));
    return server;
  }

  /** A server that answers its health check. */
  async serve(extra: Record<string, string> = {}, timeoutMs = 60_000): Promise<ServerProcess> {
    const server = this.spawn('main', extra);
    await this.waitHealthy(server, timeoutMs);
    return server;
  }

  async waitHealthy(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!server.running) throw new Error(`server exited while starting:\n${server.stdout.concat(server.stderr).slice(-20).join('\n')}`);
      try {
        const res = await fetch(`${this.baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`server not healthy within ${timeoutMs} ms`);
  }

  async killServers(): Promise<void> {
    await Promise.all([...this.servers].map((s) => s.stop('SIGKILL')));
  }

  async destroy(): Promise<void> {
    if (!alive.delete(this)) return;
    await this.killServers();
    await this.db.end().catch(() => undefined);
    await Promise.allSettled([this.pg.destroy(), this.redis.destroy(), this.smtp.stop()]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` on a fresh stack and removes the stack whatever happens. */
export async function withStack<T>(options: StackOptions, work: (stack: DrillStack) => Promise<T>): Promise<T> {
  const stack = await DrillStack.start(options);
  try {
    return await work(stack);
  } finally {
    await stack.destroy();
  }
}
