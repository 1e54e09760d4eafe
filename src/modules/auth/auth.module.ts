import { DynamicModule, Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { redisOptionsFromUrl } from '../../common/redis/redis-options';
import { AuditModule } from '../audit/audit.module';
import { SettingsModule } from '../settings/settings.module';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AuthKeys } from './auth-keys';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { OtpEnrolmentService } from './otp-enrolment.service';
import { SecretCipher } from './otp/secret-cipher';
import { SecondFactor } from './second-factor';
import { SIGN_IN_REDIS, SignInThrottle } from './sign-in-throttle';
import { SignInRepository } from './sign-in.repository';
import { SignInService } from './sign-in.service';
import { StaffAuthGuard } from './staff-auth.guard';
import { StaffTokens } from './staff-tokens';

export interface AuthSecrets {
  /** AUTH_TOKEN_SECRET: signs access tokens, and every other auth key is derived from it (AuthKeys). */
  tokenSecret: string;
  /** For the per-client sign-in limit, which must not depend on the public limiter. */
  redisUrl: string;
}

/**
 * Global so that any feature module can put @Staff() on its routes. The
 * token secret is handed to this module alone.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(secrets: AuthSecrets): DynamicModule {
    const keys = new AuthKeys(secrets.tokenSecret);
    return {
      module: AuthModule,
      imports: [TypeOrmModule.forFeature([User]), JwtModule.register({}), AuditModule, SettingsModule],
      controllers: [AuthController],
      providers: [
        { provide: AuthKeys, useValue: keys },
        { provide: SecretCipher, useValue: new SecretCipher(keys.otpSecret) },
        {
          provide: SIGN_IN_REDIS,
          useFactory: () =>
            // Lazy: a worker process loads this module but never signs anyone in.
            new Redis({ ...redisOptionsFromUrl(secrets.redisUrl), connectTimeout: 2000, maxRetriesPerRequest: 1, lazyConnect: true }),
        },
        AuthService,
        SignInService,
        SignInRepository,
        SignInThrottle,
        SecondFactor,
        OtpEnrolmentService,
        StaffTokens,
        StaffAuthGuard,
        UsersRepository,
      ],
      exports: [AuthService, StaffAuthGuard, UsersRepository, OtpEnrolmentService],
    };
  }
}
