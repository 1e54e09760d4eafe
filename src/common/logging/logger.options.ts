import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config';
import { redactUrl } from './redact-url';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * JSON logs with a request id. Requests are logged by method, route and
 * status only: no headers, bodies or client addresses, so neither a
 * complainant's personal data nor a whistleblower's IP can reach the logs.
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
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
