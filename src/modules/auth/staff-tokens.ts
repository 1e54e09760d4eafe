import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { KeyObject, randomUUID } from 'node:crypto';
import { asJwtSecret } from '../../common/crypto/jwt-key';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { Role } from '../users/user.entity';
import { AuthKeys } from './auth-keys';
import { AccessClaims, EnrolmentClaims, readAccessClaims, readEnrolmentClaims } from './token-claims';

const ISSUER = 'rongrian';
/** Each kind of token names its audience and has its own key: neither passes for the other. */
const ACCESS_AUDIENCE = 'rongrian:staff';
const ENROLMENT_AUDIENCE = 'rongrian:otp-enrolment';
/** Long enough to find the phone and scan the code, short enough that a leaked one is soon worthless. */
export const ENROLMENT_TTL_SECONDS = 10 * 60;

export interface IssuedAccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** Issues and reads the two kinds of staff token; the time comes from the Clock, in both directions. */
@Injectable()
export class StaffTokens {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly keys: AuthKeys,
    private readonly clock: Clock,
  ) {}

  async issueAccess(user: { id: string; role: Role; tokenVersion: number }): Promise<IssuedAccessToken> {
    const ttl = this.config.auth.tokenTtlSeconds;
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, role: user.role, ver: user.tokenVersion, iat: this.nowSeconds() },
      { secret: asJwtSecret(this.keys.accessToken), algorithm: 'HS256', issuer: ISSUER, audience: ACCESS_AUDIENCE, expiresIn: ttl },
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: ttl };
  }

  async readAccess(token: string): Promise<AccessClaims> {
    const claims = readAccessClaims(await this.verify(token, this.keys.accessToken, ACCESS_AUDIENCE));
    if (!claims) throw expired('access');
    return claims;
  }

  /** A new enrolment id each time: the account keeps only the newest, so older tokens stop working. */
  async issueEnrolment(userId: string): Promise<{ token: string; enrolmentId: string }> {
    const enrolmentId = randomUUID();
    const token = await this.jwt.signAsync(
      { sub: userId, jti: enrolmentId, iat: this.nowSeconds() },
      {
        secret: asJwtSecret(this.keys.enrolmentToken),
        algorithm: 'HS256',
        issuer: ISSUER,
        audience: ENROLMENT_AUDIENCE,
        expiresIn: ENROLMENT_TTL_SECONDS,
      },
    );
    return { token, enrolmentId };
  }

  async readEnrolment(token: string): Promise<EnrolmentClaims> {
    const claims = readEnrolmentClaims(await this.verify(token, this.keys.enrolmentToken, ENROLMENT_AUDIENCE));
    if (!claims) throw expired('enrolment');
    return claims;
  }

  private async verify(token: string, key: KeyObject, audience: string): Promise<Record<string, unknown>> {
    try {
      return await this.jwt.verifyAsync<Record<string, unknown>>(token, {
        secret: asJwtSecret(key),
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience,
        clockTimestamp: this.nowSeconds(),
      });
    } catch {
      throw expired(audience === ACCESS_AUDIENCE ? 'access' : 'enrolment');
    }
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}

function expired(kind: 'access' | 'enrolment'): DomainError {
  return kind === 'access'
    ? new DomainError(ErrorCode.Unauthorized, 'Sign in again: the access token is missing, invalid or expired')
    : new DomainError(ErrorCode.Unauthorized, 'Sign in again to enrol: the enrolment token is invalid, used or expired');
}
