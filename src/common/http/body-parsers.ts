import type { FastifyInstance } from 'fastify';
import { parseFormBody } from './form-body';
import { parseJsonBody } from './json-body';

/**
 * JSON and urlencoded bodies, parsed within bounds (see json-body.ts and
 * form-body.ts) instead of Nest's default parsers. The app is created with
 * `bodyParser: false` so that Nest does not register its own over these.
 */
export function useBoundedBodyParsers(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
    try {
      done(null, parseFormBody(body as Buffer));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}
