import { dropDatabases, runDatabaseNames } from './databases';
import { RUN_REDIS_NAMESPACE, unlinkNamespace } from './redis-keys';

/**
 * A shared server must not fill up with every run's databases and BullMQ
 * keys (job schedulers repeat forever): remove exactly what this prefix made.
 */
export default async function globalTeardown(): Promise<void> {
  await dropDatabases(runDatabaseNames());
  await unlinkNamespace(RUN_REDIS_NAMESPACE);
}
