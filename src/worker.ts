import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { closeOnSignals } from './common/lifecycle/graceful-shutdown';
import { bootLogger } from './common/logging/boot-logger';
import { RedisOutageLog, redisTarget } from './common/redis/redis-outage-log';
import { watchBullMq } from './common/redis/watch-bullmq';
import { loadConfigOrExit } from './config/app-config';
import { checkDatabase } from './database/preflight';

/** The job workers alone, to scale them apart from the HTTP servers. */
async function bootstrap() {
  const boot = loadConfigOrExit();
  const log = bootLogger(boot.config.logLevel, 'Worker');
  const problem = await checkDatabase(boot.secrets.databaseUrl, boot.config.database);
  if (problem) {
    log.fatal(problem.where, problem.message);
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(boot, { workers: true }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  watchBullMq(app, new RedisOutageLog(redisTarget(boot.secrets.redisUrl)));
  closeOnSignals({ deadlineMs: boot.config.shutdownTimeoutMs, logger: new NestLogger('Shutdown'), steps: [['close the workers', () => app.close()]] });
  new NestLogger('Worker').log('Workers started');
}

bootstrap().catch((err: unknown) => {
  bootLogger('info', 'Worker').fatal({ err }, `Worker start-up failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
