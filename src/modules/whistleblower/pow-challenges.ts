import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CHANNEL_REDIS } from './channel-redis';
import { isNonce, solves } from './proof-of-work';

/** Long enough for a slow phone to solve it and the person to write their report. */
export const CHALLENGE_TTL_SECONDS = 2 * 3600;

export interface Challenge {
  id: string;
  salt: string;
  difficulty: number;
}

/**
 * Proof-of-work challenges for the report form, kept in Redis for their
 * lifetime and taken out by the report that answers them (GETDEL), so each
 * is good once, on every process. Nothing about the client is stored.
 */
@Injectable()
export class PowChallenges {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CHANNEL_REDIS) private readonly redis: Redis,
  ) {}

  async issue(): Promise<Challenge> {
    const challenge = { id: randomUUID(), salt: randomBytes(16).toString('hex'), difficulty: this.config.whistleblower.powDifficulty };
    await this.redis.set(this.key(challenge.id), `${challenge.difficulty}:${challenge.salt}`, 'EX', CHALLENGE_TTL_SECONDS);
    return challenge;
  }

  /** Uses the challenge up, right or wrong; throws a field error on `pow` unless the nonce solves it. */
  async redeem(pow: { id: string; nonce: string }): Promise<void> {
    const stored = /^[0-9a-f-]{36}$/.test(pow.id) ? await this.redis.getdel(this.key(pow.id)) : null;
    if (!stored) throw DomainError.field('pow.id', 'unknownChallenge', 'The challenge is unknown, expired or already used: fetch a new one');
    const [difficulty, salt] = stored.split(':');
    if (!isNonce(pow.nonce) || !solves(salt, pow.nonce, Number(difficulty))) {
      throw DomainError.field('pow.nonce', 'wrongNonce', 'The nonce does not solve the challenge');
    }
  }

  private key(id: string): string {
    return `${this.config.redisPrefix}:whistleblower:pow:${id}`;
  }
}
