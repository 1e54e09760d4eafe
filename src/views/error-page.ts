import type { FastifyRequest } from 'fastify';
import type { ErrorPageRenderer } from '../common/http/http-error.filter';
import { errorPage } from './pages/error.page';
import type { Site } from './layout';
import { localeFrom } from './page-context';

/** Browsers asking for a page outside /api get a page back, in their language, instead of JSON. */
export function errorPages(site: () => Site): ErrorPageRenderer {
  return {
    wantsPage: (request: FastifyRequest) =>
      !request.url.startsWith('/api') && (request.headers.accept ?? '').includes('text/html'),
    render: (request: FastifyRequest, status: number) => {
      const lang = (request.query as Record<string, unknown> | undefined)?.lang;
      return errorPage({ locale: localeFrom(lang), path: '/', org: site() }, status);
    },
  };
}
