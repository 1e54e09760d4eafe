import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiErrors } from '../openapi/api-errors.decorator';

/**
 * The stricter budgets, each for an endpoint where guessing is the threat:
 * tracking codes (API and page). Each has its own setting and stays on when
 * PUBLIC_RATE_LIMIT is 0. (Staff sign-in has its own limit in the auth
 * module, which counts failed attempts only.)
 */
export const NAMED_BUDGETS = ['tracking'] as const;
export type NamedBudget = (typeof NAMED_BUDGETS)[number];
export type RateBudget = 'public' | NamedBudget;

/** Where the budgets of a route are kept in its Fastify route config, for the rate-limit hook. */
export const RATE_BUDGETS_KEY = 'rateBudgets';

/**
 * Marks a public endpoint: each request spends one unit of the client's
 * public budget, shared by every public endpoint (PUBLIC_RATE_LIMIT a
 * minute in all), and one of the named budget if given, e.g.
 * `@PublicRateLimit('tracking')`. Without the hook (http-app.ts) it is inert.
 * The OpenAPI document gets the 429 it can answer.
 */
export const PublicRateLimit = (budget?: NamedBudget) =>
  applyDecorators(RouteConfig({ [RATE_BUDGETS_KEY]: budget ? ['public', budget] : ['public'] }), ApiErrors(429));
