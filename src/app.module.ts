import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loggerOptions } from './common/logging/logger.options';
import { redisOptionsFromUrl } from './common/redis/redis-options';
import { Clock } from './common/time/clock';
import { ClockModule } from './common/time/clock.module';
import { BootConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AttachmentsModule } from './modules/attachments/attachments.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CasesModule } from './modules/cases/cases.module';
import { CategoriesModule } from './modules/categories/categories.module';
import { DeadlinesModule } from './modules/deadlines/deadlines.module';
import { DepartmentsModule } from './modules/departments/departments.module';
import { HealthModule } from './modules/health/health.module';
import { IntakeModule } from './modules/intake/intake.module';
import { FeedbackModule } from './modules/feedback/feedback.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ReportsModule } from './modules/reports/reports.module';
import { SettingsModule } from './modules/settings/settings.module';
import { StaffAdminModule } from './modules/staff-admin/staff-admin.module';
import { StaffConsoleModule } from './modules/staff-console/staff-console.module';
import { UsersModule } from './modules/users/users.module';
import { VaultModule } from './modules/whistleblower/vault/vault.module';
import { WhistleblowerModule } from './modules/whistleblower/whistleblower.module';

export interface AppModuleOptions {
  /** Run the job workers in this process. */
  workers: boolean;
  /** Tests pass a manual clock; everything else reads the system's. */
  clock?: Clock;
}

/**
 * The whole application. The HTTP server and the worker process load the
 * same modules (a worker needs cases to handle a deadline); only the entry
 * point decides whether HTTP is served and `workers` whether jobs run.
 */
@Module({})
export class AppModule {
  static forRoot({ config, secrets }: BootConfig, options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(options.clock),
        LoggerModule.forRoot(loggerOptions(config)),
        DatabaseModule.forRoot(secrets.databaseUrl),
        BullModule.forRoot({ connection: redisOptionsFromUrl(secrets.redisUrl), prefix: config.redisPrefix }),
        AuthModule.forRoot({ tokenSecret: secrets.authTokenSecret, redisUrl: secrets.redisUrl }),
        NotificationsModule.forRoot({ workers: options.workers, smtpUrl: secrets.smtpUrl }),
        DeadlinesModule.forRoot({ workers: options.workers }),
        AttachmentsModule.forRoot({ s3SecretAccessKey: secrets.s3SecretAccessKey }),
        VaultModule.forRoot({ identityKeys: secrets.identityKeys }),
        DepartmentsModule,
        CategoriesModule,
        UsersModule,
        CasesModule,
        IntakeModule,
        HealthModule,
        AuditModule,
        SettingsModule,
        ReportsModule,
        FeedbackModule,
        MetricsModule,
        WhistleblowerModule.forRoot({ redisUrl: secrets.redisUrl }),
        StaffConsoleModule,
        StaffAdminModule,
      ],
    };
  }
}
