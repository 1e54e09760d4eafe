import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createHmac } from 'node:crypto';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { clientKey } from '../auth/client-key';
import { CHANNEL_REDIS } from './channel-redis';
import { VaultKeys } from './vault/vault-keys';

/** 429 with the seconds to wait; the controller's interceptor puts them in Retry-After. */
export class ChannelLimitReached extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts; retry in ${retryAfterSeconds} s`, HttpStatus.TOO_MANY_REQUESTS);
  }
}

type Budget = 'receipt-client' | 'receipt-all' | 'no-pow';

/** One unit taken from a budget, to give back when the attempt turns out right. */
export interface LimitTicket {
  key: string;
}

/**
 * The channel's own limits, in Redis fixed windows numbered by the Clock:
 * wrong receipts per client (an hour) and from everyone (a minute), and
 * reports without a proof of work per client (an hour). Always on, whatever
 * PUBLIC_RATE_LIMIT says. A client is named only by a keyed hash of its
 * address (the key is the vault's), never the address, and nothing of it
 * reaches the database or the logs. A unit is taken before the work is
 * done, so that a parallel burst cannot overdraw, and given back on success.
 */
@Injectable()
export class ChannelLimits {
  private readonly logger = new Logger(ChannelLimits.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CHANNEL_REDIS) private readonly redis: Redis,
    private readonly keys: VaultKeys,
    private readonly clock: Clock,
  ) {}

  /** Both receipt budgets: the client's and everyone's. */
  async takeReceiptAttempt(address: string): Promise<LimitTicket[]> {
    const w = this.config.whistleblower;
    const mine = await this.take('receipt-client', this.hash(address), w.receiptFailuresPerClientHour, 3600_000);
    try {
      return [...mine, ...(await this.take('receipt-all', 'all', w.receiptFailuresPerMinute, 60_000))];
    } catch (err) {
      await this.giveBack(mine);
      throw err;
    }
  }

  takeReportWithoutProof(address: string): Promise<LimitTicket[]> {
    return this.take('no-pow', this.hash(address), this.config.whistleblower.noPowReportsPerHour, 3600_000);
  }

  async giveBack(tickets: LimitTicket[]): Promise<void> {
    for (const t of tickets) {
      try {
        await this.redis.decr(t.key);
      } catch {
        // Only a stricter limit for the rest of the window.
      }
    }
  }

  private async take(budget: Budget, who: string, max: number, windowMs: number): Promise<LimitTicket[]> {
    const now = this.clock.now().getTime();
    const window = Math.floor(now / windowMs);
    const key = `${this.config.redisPrefix}:whistleblower:limit:${budget}:${who}:${window}`;
    let used: number;
    try {
      const replies = await this.redis.multi().incr(key).pexpire(key, windowMs * 2).exec();
      used = Number(replies?.[0]?.[1]);
    } catch (err) {
      // The argon2 cost of each guess still bounds a guesser while Redis is away; a whistleblower is not turned back.
      this.logger.warn(`whistleblower limit skipped, Redis failed: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
    if (used > max) {
      await this.redis.decr(key).catch(() => undefined);
      throw new ChannelLimitReached(Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)));
    }
    return [{ key }];
  }

  private hash(address: string): string {
    return createHmac('sha256', this.keys.clientHash).update(clientKey(address)).digest('base64url').slice(0, 22);
  }
}
