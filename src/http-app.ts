import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { SettingsService } from './modules/settings/settings.service';
import { useBoundedBodyParsers } from './common/http/body-parsers';
import { useCsrfProtection } from './common/http/csrf';
import { AuthKeys } from './modules/auth/auth-keys';
import { STAFF_PATH } from './modules/staff-console/session/session-cookie';
import { useUtf8Queries } from './common/http/query-encoding';
import { HttpErrorFilter } from './common/http/http-error.filter';
import { createApiDocument } from './common/openapi/api-document';
import { projectRoot } from './common/http/project-root';
import { useRateLimits } from './common/http/rate-limit.hook';
import { RateLimiter } from './common/http/rate-limiter';
import { helmetOptions, useNoStoreByDefault } from './common/http/security-headers';
import { requestIdFor } from './common/logging/logger.options';
import { RedisOutageLog, redisTarget } from './common/redis/redis-outage-log';
import { redisOptionsFromUrl } from './common/redis/redis-options';
import { watchBullMq } from './common/redis/watch-bullmq';
import { errorPages } from './views/error-page';
import { createValidationPipe } from './common/validation/validation.pipe';
import { AppConfig, BootConfig } from './config/app-config';
import { Clock } from './common/time/clock';
import { MULTIPART_LIMITS } from './modules/attachments/attachment-rules';

export const BODY_LIMIT_BYTES = 1024 * 1024;
const ASSETS_PREFIX = '/assets/';
const PUBLIC_DIR = join(projectRoot(), 'public');
const RATE_WINDOW_MS = 60_000;

/** The per-client budgets in Redis, when any is on; their client reports to the outage log. */
function createRateLimiter(config: AppConfig, redisUrl: string, outages: RedisOutageLog): { limiter: RateLimiter; redis: Redis } | null {
  const { public: publicMax, tracking } = config.rateLimits;
  if (!publicMax && !tracking) return null;
  const redis = new Redis({
    ...redisOptionsFromUrl(redisUrl),
    connectTimeout: 2000,
    // While Redis is away a request must not wait for it: commands fail at once, and the limiter lets the request through.
    enableOfflineQueue: false,
    // A frozen Redis costs a public request this much at most; much less, and a busy but healthy Redis would let requests through.
    commandTimeout: 1_500,
    maxRetriesPerRequest: 1,
  });
  outages.watchClient(redis);
  const limiter = new RateLimiter(redis, config.redisPrefix, {
    public: { max: publicMax, windowMs: RATE_WINDOW_MS },
    tracking: { max: tracking, windowMs: RATE_WINDOW_MS },
  });
  return { limiter, redis };
}

/**
 * The HTTP application, fully configured and initialised but not listening:
 * main.ts and the tests share it. Signals are main.ts's to handle.
 */
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
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  useBoundedBodyParsers(fastify, BODY_LIMIT_BYTES);
  useUtf8Queries(fastify);

  await app.register(fastifyHelmet, helmetOptions(config.publicBaseUrl));
  useNoStoreByDefault(fastify, ASSETS_PREFIX);
  // Multipart bodies (attachments) are parsed as they stream, within these
  // limits; BODY_LIMIT_BYTES still bounds JSON and urlencoded bodies.
  await app.register(fastifyMultipart, { limits: MULTIPART_LIMITS });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: ASSETS_PREFIX, decorateReply: false, maxAge: '1h' });
  await useCsrfProtection(app, app.get(AuthKeys, { strict: false }).cookieSecret, STAFF_PATH);

  const outages = new RedisOutageLog(redisTarget(secrets.redisUrl));
  const rateLimits = createRateLimiter(config, secrets.redisUrl, outages);
  if (rateLimits) {
    useRateLimits(fastify, rateLimits.limiter);
    fastify.addHook('onClose', async () => {
      rateLimits.redis.disconnect();
    });
  }

  app.useGlobalPipes(createValidationPipe());
  const settings = app.get(SettingsService);
  app.useGlobalFilters(new HttpErrorFilter(errorPages(() => settings.lastKnownSite())));

  const document = createApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  await app.init();
  watchBullMq(app, outages);
  return app;
}
