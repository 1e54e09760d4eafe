import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

const CSRF_COOKIE = 'rongrian_csrf';

/**
 * Cookies, and a CSRF token on every form posted under `prefix` (the staff
 * console): the secret sits in a signed, HttpOnly, SameSite=Strict cookie
 * and each form carries a token made from it (`_csrf`). A post without a
 * valid token is refused with 403 before its route runs. The API is not
 * covered: it takes bearer tokens, which a browser never sends by itself.
 */
export async function useCsrfProtection(app: NestFastifyApplication, cookieSecret: Buffer, prefix: string): Promise<void> {
  await app.register(fastifyCookie, { secret: cookieSecret.toString('base64') });
  await app.register(fastifyCsrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: prefix, sameSite: 'strict', httpOnly: true, signed: true },
    getToken: formToken,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('preHandler', (request, reply, done) => {
    const path = request.url.split('?', 1)[0];
    const covered = path === prefix || path.startsWith(`${prefix}/`);
    if (request.method === 'GET' || request.method === 'HEAD' || !covered) return done();
    fastify.csrfProtection(request, reply, done);
  });
}

/**
 * The form's `_csrf` field. A multipart form (a file upload) is read only
 * after this check, as it streams, so its token travels in the form's
 * address instead; no other kind of post may put it there.
 */
export function formToken(request: FastifyRequest): string | undefined {
  const body = request.body as { _csrf?: unknown } | undefined;
  if (typeof body?._csrf === 'string') return body._csrf;
  const query = request.query as { _csrf?: unknown } | undefined;
  return request.isMultipart() && typeof query?._csrf === 'string' ? query._csrf : undefined;
}

/** The token for a page's forms; the secret's cookie is Secure whenever the request came over TLS. */
export function csrfTokenFor(reply: { generateCsrf(opts?: object): string }, overTls: boolean): string {
  return reply.generateCsrf({ secure: overTls });
}
