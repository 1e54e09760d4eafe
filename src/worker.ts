import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { loadConfigOrExit } from './config/app-config';

/** The job workers alone, to scale them apart from the HTTP servers. */
async function bootstrap() {
  const boot = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(boot, { workers: true }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
}

bootstrap().catch((err) => {
  process.stderr.write(`Worker start-up failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
