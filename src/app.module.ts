import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { loggerOptions } from './common/logging/logger.options';
import { redisOptionsFromUrl } from './common/redis/redis-options';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { AttachmentsModule } from './modules/attachments/attachments.module';
import { AuthModule } from './modules/auth/auth.module';
import { CasesModule } from './modules/cases/cases.module';
import { CategoriesModule } from './modules/categories/categories.module';
import { DepartmentsModule } from './modules/departments/departments.module';
import { UsersModule } from './modules/users/users.module';
import { HealthModule } from './modules/health/health.module';
import { IntakeModule } from './modules/intake/intake.module';
import { NotificationsModule } from './modules/notifications/notifications.module';

export interface AppModuleOptions {
  /** Serve HTTP (API and pages). */
  http: boolean;
  /** Run the job workers in this process. */
  workers: boolean;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        // Few retries: a missing database should stop the start, loudly, not stall it.
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), retryAttempts: 3, retryDelay: 2000 }),
        BullModule.forRoot({
          connection: redisOptionsFromUrl(config.redis.url),
          prefix: config.redis.prefix,
        }),
        NotificationsModule.forRoot({ workers: options.workers }),
        ...(options.http
          ? [AuthModule, DepartmentsModule, CategoriesModule, UsersModule, CasesModule, AttachmentsModule, IntakeModule, HealthModule]
          : []),
      ],
    };
  }
}
