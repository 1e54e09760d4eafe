import type { FastifyReply, FastifyRequest } from 'fastify';

/** The cookie is sent to the console's pages only; the API keeps its bearer tokens. */
export const STAFF_PATH = '/staff';
const SESSION_COOKIE = 'rongrian_staff';

/**
 * HttpOnly (no script reads it), SameSite=Lax (a link to a case in an email
 * still opens signed in, while a form posted from another site arrives
 * without it; the CSRF token guards every form besides), and Secure whenever
 * the request came over TLS (directly, or through a trusted proxy).
 */
export function cookieOptions(request: FastifyRequest) {
  return { path: STAFF_PATH, httpOnly: true, sameSite: 'lax' as const, secure: request.protocol === 'https' };
}

export function readSessionToken(request: FastifyRequest): string | undefined {
  return request.cookies?.[SESSION_COOKIE];
}

export function setSessionToken(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request));
}

export function clearSessionToken(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}
