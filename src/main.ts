import 'reflect-metadata';
import { loadConfigOrExit } from './config/app-config';
import { createHttpApp } from './http-app';

async function bootstrap() {
  const boot = loadConfigOrExit();
  const app = await createHttpApp(boot);
  await app.listen({ port: boot.config.port, host: '0.0.0.0' });
}

bootstrap().catch((err) => {
  process.stderr.write(`Start-up failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
