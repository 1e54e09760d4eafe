import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config';
import { redactUrl } from './redact-url';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The caller's X-Request-Id when it is a sane token (a proxy's trace id), else a fresh UUID. */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * JSON logs with a request id. Requests are logged by method, route and
 * status only: no headers, bodies or client addresses, so neither a
 * complainant's personal data nor a whistleblower's IP can reach the logs.
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      // Fastify assigns the id (see http-app.ts); this covers a process without it.
      genReqId: (req) => req.id ?? requestIdFor(req),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/assets/') ?? false },
      redact: { paths: ['req.headers', 'req.remoteAddress', 'req.remotePort'], remove: true },
    },
  };
}
