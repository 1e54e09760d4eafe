import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UsersRepository } from '../users/users.repository';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { StaffAuthGuard } from './staff-auth.guard';

/** Global so that any feature module can put @Staff() on its routes. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.auth.tokenSecret,
        signOptions: { expiresIn: config.auth.tokenTtlSeconds, algorithm: 'HS256', issuer: 'rongrian' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'rongrian' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, StaffAuthGuard, UsersRepository],
  exports: [AuthService, StaffAuthGuard, UsersRepository],
})
export class AuthModule {}
