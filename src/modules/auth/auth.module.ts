import { DynamicModule, Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { StaffAuthGuard } from './staff-auth.guard';

/**
 * Global so that any feature module can put @Staff() on its routes. The
 * token secret is handed to this module alone.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(secrets: { tokenSecret: string }): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        TypeOrmModule.forFeature([User]),
        JwtModule.registerAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            secret: secrets.tokenSecret,
            signOptions: { expiresIn: config.auth.tokenTtlSeconds, algorithm: 'HS256', issuer: 'rongrian' },
            verifyOptions: { algorithms: ['HS256'], issuer: 'rongrian' },
          }),
        }),
      ],
      controllers: [AuthController],
      providers: [AuthService, StaffAuthGuard, UsersRepository],
      exports: [AuthService, StaffAuthGuard, UsersRepository],
    };
  }
}
