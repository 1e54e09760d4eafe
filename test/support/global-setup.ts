import 'reflect-metadata';
import { createDataSource } from '../../src/database/data-source';
import { migrateDatabase } from '../../src/database/migrate';
import { seedReferenceData } from '../../src/seed/seed';
import { databaseUrl, DB_PREFIX, TEMPLATE_DB, withServer, WORKER_DATABASES } from './databases';
import { TEST_PASSWORD } from './constants';

/**
 * Builds a template database through the real migrations and seed, then
 * clones one database per jest worker from it (cheap, and each starts clean).
 */
export default async function globalSetup(): Promise<void> {
  await withServer(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  });
  await migrateDatabase(databaseUrl(TEMPLATE_DB));
  const ds = createDataSource(databaseUrl(TEMPLATE_DB));
  await ds.initialize();
  await seedReferenceData(ds, TEST_PASSWORD);
  await ds.destroy();
  await withServer(async (c) => {
    for (let w = 1; w <= WORKER_DATABASES; w++) {
      await c.query(`DROP DATABASE IF EXISTS ${DB_PREFIX}_w${w} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${DB_PREFIX}_w${w} TEMPLATE ${TEMPLATE_DB}`);
    }
  });
}
