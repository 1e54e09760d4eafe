import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { hasSqlState } from '../../src/common/errors/infrastructure-errors';
import { Clock, ManualClock } from '../../src/common/time/clock';
import { createHttpApp } from '../../src/http-app';
import { databaseUrl, workerDatabaseName } from './databases';
import { appRedisPrefix, TEST_REDIS_URL } from './redis-keys';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  db: DataSource;
  /** The clock every rule reads; a ManualClock when the test passed one. */
  clock: Clock;
  /** The Node HTTP server, for supertest. */
  http: ReturnType<NestFastifyApplication['getHttpServer']>;
  close(): Promise<void>;
}

/**
 * The real application (same factory as main.ts) on this worker's database
 * and its own Redis namespace inside the run's (which the teardown removes),
 * with quick mail retries for the tests.
 */
export async function startTestApp(env: Record<string, string> = {}, options: { clock?: ManualClock } = {}): Promise<TestApp> {
  const boot = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(workerDatabaseName()),
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: appRedisPrefix(),
    SMTP_URL: 'smtp://127.0.0.1:1',
    PUBLIC_BASE_URL: 'http://rongrian.test',
    PUBLIC_RATE_LIMIT: '0',
    TRACKING_RATE_LIMIT: '0',
    MAIL_RETRY_DELAY_MS: '100',
    MAIL_MAX_ATTEMPTS: '5',
    LOG_LEVEL: 'silent',
    METRICS_PORT: '0',
    ...env,
  });
  const app = await createHttpApp(boot, { clock: options.clock });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config: boot.config,
    db: app.get(DataSource),
    clock: app.get(Clock),
    http: app.getHttpServer(),
    close: () => app.close(),
  };
}

/**
 * Empties what the tests write; reference data from the seed stays.
 *
 * TRUNCATE locks its tables one after another, so it can deadlock with a
 * transaction that writes them in another order. Seen once in CI: the
 * other one was writing the outbox just as a file started, most likely a
 * job of the app's workers running what an earlier file of the same jest
 * worker had left queued. Postgres then cancels one of the two; when that
 * is the TRUNCATE, it goes again.
 */
export async function resetCases(db: DataSource): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.query(
        'TRUNCATE attachments, notifications, case_events, cases, complainants, reference_counters RESTART IDENTITY CASCADE',
      );
      return;
    } catch (err) {
      if (!hasSqlState(err, '40P01') || attempt === 5) throw err;
    }
  }
}

export async function countRows(db: DataSource): Promise<Record<string, number>> {
  const [row] = await db.query(`SELECT
    (SELECT count(*)::int FROM cases) AS cases,
    (SELECT count(*)::int FROM complainants) AS complainants,
    (SELECT count(*)::int FROM case_events) AS events,
    (SELECT count(*)::int FROM notifications) AS notifications,
    (SELECT count(*)::int FROM reference_counters) AS counters`);
  return row;
}
