import 'reflect-metadata';
import { loadConfigOrExit } from '../config/app-config';
import { migrateDatabase } from './migrate';

async function main() {
  const { secrets } = loadConfigOrExit();
  const applied = await migrateDatabase(secrets.databaseUrl);
  process.stdout.write(
    applied.length ? `Applied migrations: ${applied.join(', ')}\n` : 'Database is up to date.\n',
  );
}

main().catch((err) => {
  process.stderr.write(`Migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
