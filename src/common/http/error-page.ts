import type { FastifyRequest } from 'fastify';
import { errorPage } from '../../views/pages/error.page';
import type { Organisation } from '../../views/layout';
import { localeFrom } from './page-context';

export function renderErrorPage(request: FastifyRequest, status: number, org: Organisation): string {
  const lang = (request.query as Record<string, unknown> | undefined)?.lang;
  return errorPage({ locale: localeFrom(lang), path: '/', org }, status);
}
