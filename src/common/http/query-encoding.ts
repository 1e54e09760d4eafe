import type { FastifyInstance } from 'fastify';
import type { ErrorBody } from './http-error.filter';

/** A run of percent-escapes: together they must spell UTF-8, which decoders would quietly turn into U+FFFD. */
const ESCAPES = /(?:%[0-9a-fA-F]{2})+/g;

/** Whether every run of percent-escapes in a query string or form body decodes as UTF-8. */
export function percentEscapesAreUtf8(text: string): boolean {
  try {
    for (const run of text.match(ESCAPES) ?? []) decodeURIComponent(run);
    return true;
  } catch {
    return false;
  }
}

export function isUtf8Query(url: string): boolean {
  const q = url.indexOf('?');
  return q < 0 || percentEscapesAreUtf8(url.slice(q + 1));
}

/**
 * Refuses a query string whose escapes are not UTF-8, before routing: the
 * query parser would quietly turn them into U+FFFD, and a search or filter
 * would then run on a value nobody sent. JSON and form bodies are held to
 * the same rule.
 */
export function useUtf8Queries(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (isUtf8Query(request.url)) return;
    const body: ErrorBody = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      details: [{ field: 'query', code: 'invalidUtf8', message: 'The query string is not valid UTF-8' }],
    };
    await reply.code(400).type('application/json; charset=utf-8').send(body);
  });
}
