import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { closeOnSignals } from './common/lifecycle/graceful-shutdown';
import { bootLogger } from './common/logging/boot-logger';
import { loadConfigOrExit } from './config/app-config';
import { checkDatabase } from './database/preflight';

const HOST = '0.0.0.0';

async function bootstrap() {
  const boot = loadConfigOrExit();
  const log = bootLogger(boot.config.logLevel, 'Main');
  const problem = await checkDatabase(boot.secrets.databaseUrl, boot.config.database);
  if (problem) {
    log.fatal(problem.where, problem.message);
    process.exit(1);
  }
  // Loaded once the database is known to be ready: a start that cannot work fails before loading every module.
  const { createHttpApp } = await import('./http-app');
  const app = await createHttpApp(boot);
  const fastify = app.getHttpAdapter().getInstance();
  closeOnSignals({
    deadlineMs: boot.config.shutdownTimeoutMs,
    logger: new Logger('Shutdown'),
    steps: [
      // Fastify stops accepting connections and waits for the requests in flight (new ones on open connections get 503).
      ['finish requests in flight', () => fastify.close()],
      ['close the application', () => app.close()],
    ],
  });
  await app.listen({ port: boot.config.port, host: HOST });
  const { port } = app.getHttpServer().address() as AddressInfo;
  new Logger('Main').log({ address: `http://${HOST}:${port}` }, `Listening on http://${HOST}:${port}`);
}

bootstrap().catch((err: unknown) => {
  bootLogger('info', 'Main').fatal({ err }, `Start-up failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
