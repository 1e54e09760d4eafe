import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { ManualClock } from '../../src/common/time/clock';
import { loadConfig } from '../../src/config/app-config';
import type { StaffUser } from '../../src/modules/auth/staff-user';
import { databaseUrl, workerDatabaseName } from './databases';
import { appRedisPrefix, TEST_REDIS_URL } from './redis-keys';

export interface TestContext {
  app: INestApplicationContext;
  db: DataSource;
  clock: ManualClock;
  /** A seeded staff member as the services see them. */
  staff(email: string): Promise<StaffUser>;
  close(): Promise<void>;
}

/**
 * The application without HTTP, for service-level tests: real Postgres and
 * Redis, a manual clock, services called directly (as immich's "medium"
 * tests do). Workers are off unless asked for, so that a test drives jobs
 * by calling their handlers.
 */
export async function startTestContext(
  env: Record<string, string> = {},
  options: { workers?: boolean; clock?: ManualClock } = {},
): Promise<TestContext> {
  const clock = options.clock ?? new ManualClock();
  const boot = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(workerDatabaseName()),
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: appRedisPrefix(),
    SMTP_URL: 'smtp://127.0.0.1:1',
    PUBLIC_BASE_URL: 'http://rongrian.test',
    LOG_LEVEL: 'silent',
    METRICS_PORT: '0',
    ...env,
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(boot, { workers: options.workers ?? false, clock }), {
    logger: false,
  });
  await app.init();
  const db = app.get(DataSource);
  return {
    app,
    db,
    clock,
    async staff(email: string): Promise<StaffUser> {
      const [u] = await db.query(
        `SELECT id, email, display_name AS "displayName", role, department_id AS "departmentId" FROM users WHERE email = $1`,
        [email],
      );
      if (!u) throw new Error(`no seeded user ${email}`);
      return u;
    },
    close: () => app.close(),
  };
}
