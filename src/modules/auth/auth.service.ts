import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Role } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { hashPassword, verifyPassword } from './password';
import { StaffUser } from './staff-user';

export interface TokenClaims {
  sub: string;
  role: Role;
}

const INVALID = 'Invalid email or password, or the account is locked for a while after repeated failures';

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so that timing does not tell which emails exist. */
  private readonly decoyHash = hashPassword('decoy-password-never-valid');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
  ) {}

  async login(email: string, password: string, now = new Date()) {
    const user = await this.users.findByEmail(email);
    if (!user || !user.active) {
      await verifyPassword(await this.decoyHash, password);
      throw new DomainError(ErrorCode.Unauthorized, INVALID);
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      await verifyPassword(await this.decoyHash, password);
      throw new DomainError(ErrorCode.Unauthorized, INVALID);
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.users.recordFailedLogin(user.id, this.config.auth.maxFailedLogins, this.config.auth.lockoutMinutes);
      throw new DomainError(ErrorCode.Unauthorized, INVALID);
    }
    await this.users.recordSuccessfulLogin(user.id);
    const claims: TokenClaims = { sub: user.id, role: user.role };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer' as const,
      expiresIn: this.config.auth.tokenTtlSeconds,
    };
  }

  /**
   * The token proves who signed in; the database says who they are now, so a
   * deactivated account or a changed role takes effect on the next request.
   */
  async authenticate(token: string): Promise<StaffUser> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new DomainError(ErrorCode.Unauthorized, 'Sign in again: the access token is missing, invalid or expired');
    }
    const user = await this.users.findActiveById(claims.sub);
    if (!user) throw new DomainError(ErrorCode.Unauthorized, 'Sign in again: the account is no longer active');
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      departmentId: user.departmentId,
    };
  }
}
