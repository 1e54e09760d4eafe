import { DataSource, DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';
import { Category } from '../modules/categories/category.entity';
import { CaseEvent } from '../modules/cases/case-event.entity';
import { Case } from '../modules/cases/case.entity';
import { Complainant } from '../modules/cases/complainant.entity';
import { Department } from '../modules/departments/department.entity';
import { Notification } from '../modules/notifications/notification.entity';
import { User } from '../modules/users/user.entity';

export const ENTITIES = [Department, Category, User, Complainant, Case, CaseEvent, Notification];

export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
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
