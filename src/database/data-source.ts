import { DataSource, DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';

/**
 * Connection options without entities: the schema belongs to migrations/,
 * and each feature module registers the entities it owns.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    migrations,
    migrationsTableName: 'migrations',
    // The schema is owned by migrations/, in every environment, tests included.
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20, application_name: 'rongrian' },
  };
}

export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl));
}
