import { Logger } from '@nestjs/common';
import type { EventEmitter } from 'node:events';
import { isDependencyUnavailable } from '../errors/infrastructure-errors';

/**
 * Redis errors as the app's own JSON log lines: one when an outage starts
 * and one when it ends, however many clients fail and however often they
 * retry meanwhile. Without listeners, ioredis and BullMQ print every retry
 * to stderr as a multi-line stack.
 */
export class RedisOutageLog {
  private readonly logger = new Logger('Redis');
  /** The clients failing now: the outage ends when the last of them is ready again. */
  private readonly down = new Set<EventEmitter>();
  private failures = 0;

  /** `target` names the server (host:port), never its password. */
  constructor(private readonly target: string) {}

  /** An ioredis client: each failed attempt emits 'error', and each (re)connection 'ready'. */
  watchClient(client: EventEmitter): void {
    client.on('error', (err: unknown) => this.failed(client, err));
    client.on('ready', () => this.recovered(client));
  }

  /**
   * A BullMQ queue or worker: it re-emits its clients' connection errors,
   * already counted through watchClient (and a worker's blocking client
   * fails with the others); anything else it reports is logged as it comes.
   */
  watchBullMq(instance: EventEmitter): void {
    instance.on('error', (err: unknown) => {
      if (!isDependencyUnavailable(err)) this.logger.error({ err }, 'BullMQ reported an error');
    });
  }

  private failed(client: EventEmitter, err: unknown): void {
    this.failures++;
    const first = this.down.size === 0;
    this.down.add(client);
    if (!first) return;
    const e = err as { code?: string; message?: string };
    this.logger.error(
      { redis: this.target, code: e?.code, reason: e?.message ?? String(err) },
      'Redis is unreachable; the clients keep retrying (logged once per outage)',
    );
  }

  private recovered(client: EventEmitter): void {
    if (!this.down.delete(client) || this.down.size > 0) return;
    this.logger.log({ redis: this.target, failedAttempts: this.failures }, 'Redis is reachable again');
    this.failures = 0;
  }
}

/** host:port of a redis:// URL, for logs. */
export function redisTarget(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 6379}`;
}
