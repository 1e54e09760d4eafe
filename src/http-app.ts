import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { HttpException, HttpStatus } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { SettingsService } from './modules/settings/settings.service';
import { HttpErrorFilter } from './common/http/http-error.filter';
import { projectRoot } from './common/http/project-root';
import { requestIdFor } from './common/logging/logger.options';
import { redisOptionsFromUrl } from './common/redis/redis-options';
import { errorPages } from './views/error-page';
import { createValidationPipe } from './common/validation/validation.pipe';
import { BootConfig } from './config/app-config';
import { Clock } from './common/time/clock';
import { MULTIPART_LIMITS } from './modules/attachments/attachment-rules';

export const BODY_LIMIT_BYTES = 1024 * 1024;
const PUBLIC_DIR = join(projectRoot(), 'public');

/** The HTTP application, fully configured but not listening: main.ts and the tests share it. */
export async function createHttpApp(boot: BootConfig, options: { clock?: Clock } = {}): Promise<NestFastifyApplication> {
  const { config, secrets } = boot;
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    logger: false,
    requestIdHeader: false,
    genReqId: requestIdFor,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(boot, { workers: config.workersEnabled, clock: options.clock }),
    adapter,
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI's bundle needs inline styles; nothing else here does.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  // Multipart bodies (attachments) are parsed as they stream, within these
  // limits; BODY_LIMIT_BYTES still bounds JSON and urlencoded bodies.
  await app.register(fastifyMultipart, { limits: MULTIPART_LIMITS });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/assets/', decorateReply: false, maxAge: '1h' });

  if (config.publicRateLimit > 0) {
    const redis = new Redis({ ...redisOptionsFromUrl(secrets.redisUrl), connectTimeout: 2000, maxRetriesPerRequest: 1 });
    app.getHttpAdapter().getInstance().addHook('onClose', async () => {
      redis.disconnect();
    });
    await app.register(fastifyRateLimit, {
      global: false,
      max: config.publicRateLimit,
      timeWindow: 60_000,
      redis,
      nameSpace: `${config.redisPrefix}:rate-limit:`,
      // A Redis hiccup must not turn away a citizen's complaint.
      skipOnError: true,
      // Thrown from a hook, it still passes through Nest's filter like every other error.
      errorResponseBuilder: (_req, ctx) =>
        new HttpException(`Rate limit reached; retry in ${Math.ceil(ctx.ttl / 1000)} s`, HttpStatus.TOO_MANY_REQUESTS),
    });
  }

  app.useGlobalPipes(createValidationPipe());
  const settings = app.get(SettingsService);
  app.useGlobalFilters(new HttpErrorFilter(errorPages(() => settings.lastKnownSite())));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Rongrian API')
      .setDescription('Complaint and whistleblower case tracking for Thai local governments')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  return app;
}
