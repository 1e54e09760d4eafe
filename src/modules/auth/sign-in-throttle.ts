import { HttpException, HttpStatus, Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { createHmac } from 'node:crypto';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuthKeys } from './auth-keys';
import { clientKey } from './client-key';

export const SIGN_IN_REDIS = Symbol('SIGN_IN_REDIS');
const WINDOW_MS = 60_000;

/** 429 with the seconds to wait; RetryAfterInterceptor turns them into the header. */
export class TooManySignInAttempts extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-in attempts from this address; retry in ${retryAfterSeconds} s`, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** One attempt taken from a client's budget; give it back when the sign-in turns out right. */
export interface ThrottleTicket {
  readonly key: string;
}

/**
 * Per client address, AUTH_SIGN_IN_RATE_LIMIT sign-in attempts a minute may
 * fail: without it one client could lock out every account by guessing five
 * times at each. An attempt is taken before anything is checked (so that a
 * parallel burst cannot overdraw) and given back when the password was right,
 * so that a whole office behind one address still signs in at 8:30.
 *
 * Lives here rather than in the public limiter: it must stay on when
 * PUBLIC_RATE_LIMIT=0. Windows are numbered by the Clock, so that tests move
 * time; Redis only counts, and forgets a window after it ends. The address is
 * kept only as a keyed hash, and only there.
 */
@Injectable()
export class SignInThrottle implements OnModuleDestroy {
  private readonly logger = new Logger(SignInThrottle.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SIGN_IN_REDIS) private readonly redis: Redis,
    private readonly keys: AuthKeys,
    private readonly clock: Clock,
  ) {}

  /** Takes one attempt, or throws TooManySignInAttempts when the window's budget is spent. */
  async take(address: string): Promise<ThrottleTicket | null> {
    const now = this.clock.now().getTime();
    const window = Math.floor(now / WINDOW_MS);
    const key = `${this.config.redisPrefix}:sign-in:${this.hash(address)}:${window}`;
    let used: number;
    try {
      const replies = await this.redis.multi().incr(key).pexpire(key, WINDOW_MS * 2).exec();
      used = Number(replies?.[0]?.[1]);
    } catch (err) {
      // The per-account lock still holds; a Redis outage must not stop every sign-in.
      this.logger.warn(`sign-in limit skipped, Redis failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
    if (used > this.config.auth.signInRateLimit) {
      throw new TooManySignInAttempts(Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000)));
    }
    return { key };
  }

  async giveBack(ticket: ThrottleTicket | null): Promise<void> {
    if (!ticket) return;
    try {
      await this.redis.decr(ticket.key);
    } catch {
      // Only a stricter limit for this client for the rest of the minute.
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  private hash(address: string): string {
    return createHmac('sha256', this.keys.clientKey).update(clientKey(address)).digest('base64url').slice(0, 22);
  }
}
