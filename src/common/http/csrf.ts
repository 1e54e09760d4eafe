import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

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
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('preHandler', (request, reply, done) => {
    const path = request.url.split('?', 1)[0];
    const covered = path === prefix || path.startsWith(`${prefix}/`);
    if (request.method === 'GET' || request.method === 'HEAD' || !covered) return done();
    fastify.csrfProtection(request, reply, done);
  });
}

/** The token for a page's forms; the secret's cookie is Secure whenever the request came over TLS. */
export function csrfTokenFor(reply: { generateCsrf(opts?: object): string }, overTls: boolean): string {
  return reply.generateCsrf({ secure: overTls });
}
