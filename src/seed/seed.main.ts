import 'reflect-metadata';
import { loadConfigOrExit } from '../config/app-config';
import { createDataSource } from '../database/data-source';
import { seedReferenceData } from './seed';

async function main() {
  const { secrets } = loadConfigOrExit();
  if (!secrets.seedPassword) {
    process.stderr.write('Invalid configuration: SEED_PASSWORD must be set to seed the staff users\n');
    process.exit(1);
  }
  const dataSource = createDataSource(secrets.databaseUrl);
  await dataSource.initialize();
  try {
    await seedReferenceData(dataSource, secrets.seedPassword);
    process.stdout.write('Seed data is in place.\n');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`Seeding failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
