import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source';
import { GroupCommit } from './group-commit';
import { Transactions } from './transactions';

/**
 * The connection and the transaction helpers (one transaction per call,
 * or grouped with others arriving together). Entities are registered by
 * the modules that own them (TypeOrmModule.forFeature); this layer knows no
 * feature.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          // Few retries: a missing database should stop the start, loudly, not stall it.
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(databaseUrl, config.database),
            autoLoadEntities: true,
            retryAttempts: 3,
            retryDelay: 2000,
          }),
        }),
      ],
      providers: [Transactions, GroupCommit],
      exports: [Transactions, GroupCommit],
    };
  }
}
