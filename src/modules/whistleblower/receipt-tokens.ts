import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { asJwtSecret } from '../../common/crypto/jwt-key';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { VaultKeys } from './vault/vault-keys';

const ISSUER = 'rongrian';
/** Not the staff audience, and signed with a key staff tokens never see: neither passes for the other. */
export const RECEIPT_AUDIENCE = 'rongrian:whistleblower';

/**
 * The short-lived token a receipt code opens: it names the report's case
 * and nothing else, and opens only the whistleblower endpoints.
 */
@Injectable()
export class ReceiptTokens {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly keys: VaultKeys,
    private readonly clock: Clock,
  ) {}

  async issue(caseId: string): Promise<{ token: string; expiresIn: number }> {
    const ttl = this.config.whistleblower.tokenTtlSeconds;
    const token = await this.jwt.signAsync(
      { sub: caseId, iat: this.nowSeconds() },
      { secret: asJwtSecret(this.keys.receiptToken), algorithm: 'HS256', issuer: ISSUER, audience: RECEIPT_AUDIENCE, expiresIn: ttl },
    );
    return { token, expiresIn: ttl };
  }

  /** The case the token opens; 401 for anything else (a staff token, an expired or forged one). */
  async read(token: string): Promise<string> {
    let payload: Record<string, unknown>;
    try {
      payload = await this.jwt.verifyAsync<Record<string, unknown>>(token, {
        secret: asJwtSecret(this.keys.receiptToken),
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: RECEIPT_AUDIENCE,
        clockTimestamp: this.nowSeconds(),
      });
    } catch {
      throw expired();
    }
    if (typeof payload.sub !== 'string' || !isUUID(payload.sub) || typeof payload.exp !== 'number') throw expired();
    return payload.sub;
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}

function expired(): DomainError {
  return new DomainError(ErrorCode.Unauthorized, 'Follow up again with your receipt code: the token is missing, invalid or expired');
}
