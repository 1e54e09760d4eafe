import 'reflect-metadata';
import { createDataSource } from '../../src/database/data-source';
import { migrateDatabase } from '../../src/database/migrate';
import { seedReferenceData } from '../../src/seed/seed';
import { databaseUrl, dropDatabases, runDatabaseNames, TEMPLATE_DB, withServer, workerDatabaseName, WORKER_DATABASES } from './databases';
import { TEST_PASSWORD } from './constants';
import { RUN_REDIS_NAMESPACE, unlinkNamespace } from './redis-keys';

/**
 * Builds a template database through the real migrations and seed, then
 * clones one database per jest worker from it (cheap, and each starts clean).
 * What an earlier run of this prefix left behind (it crashed, or was stopped
 * before its teardown) goes first.
 */
export default async function globalSetup(): Promise<void> {
  await dropDatabases(runDatabaseNames());
  await unlinkNamespace(RUN_REDIS_NAMESPACE);
  await migrateDatabase(databaseUrl(TEMPLATE_DB));
  const ds = createDataSource(databaseUrl(TEMPLATE_DB));
  await ds.initialize();
  await seedReferenceData(ds, TEST_PASSWORD);
  await ds.destroy();
  await withServer(async (c) => {
    for (let w = 1; w <= WORKER_DATABASES; w++) {
      await c.query(`CREATE DATABASE ${workerDatabaseName(String(w))} TEMPLATE ${TEMPLATE_DB}`);
    }
  });
}
