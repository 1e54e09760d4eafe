import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Helmet, fitted to where the site is served. HSTS and
 * upgrade-insecure-requests only when PUBLIC_BASE_URL is https: over plain
 * http on a LAN address (a municipality's intranet, `docker compose up`
 * reached by IP) the upgrade sends the stylesheet and the form to an https
 * port nobody listens on, and the page loads unstyled and never submits.
 */
export function helmetOptions(publicBaseUrl: string): FastifyHelmetOptions {
  const https = new URL(publicBaseUrl).protocol === 'https:';
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI's bundle needs inline styles; nothing else here does.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // helmet adds the directive by default; null removes it.
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    // The same answer as frame-ancestors 'none', for browsers that only know this header.
    frameguard: { action: 'deny' },
    hsts: https ? { maxAge: 15_552_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  };
}

/**
 * Every answer but the static assets may carry personal data or a secret
 * (a case, a tracking code, a token, a page that shows them), so none is
 * kept by a browser or a proxy unless its route says otherwise.
 */
export function useNoStoreByDefault(fastify: FastifyInstance, cacheablePrefix: string): void {
  fastify.addHook('onSend', async (request, reply) => {
    if (!reply.hasHeader('cache-control') && !request.url.startsWith(cacheablePrefix)) {
      reply.header('Cache-Control', 'no-store');
    }
  });
}
