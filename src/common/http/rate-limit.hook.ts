import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RATE_BUDGETS_KEY, RateBudget } from './public-rate-limit.decorator';
import type { RateLimiter } from './rate-limiter';

function budgetsOf(request: FastifyRequest): readonly RateBudget[] {
  const config = request.routeOptions.config as { [RATE_BUDGETS_KEY]?: readonly RateBudget[] } | undefined;
  return config?.[RATE_BUDGETS_KEY] ?? [];
}

/**
 * Spends the budgets a route declares (see PublicRateLimit) before its body
 * is even read, and refuses with 429 and Retry-After once one is spent.
 */
export function useRateLimits(fastify: FastifyInstance, limiter: RateLimiter): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const budgets = budgetsOf(request).filter((b) => limiter.isEnabled(b));
    if (!budgets.length) return;
    const decision = await limiter.spend(budgets, request.ip);
    if (decision.allowed) return;
    reply.header('Retry-After', String(decision.retryAfterSeconds));
    // Thrown from a hook, it still passes through Nest's filter like every other error.
    throw new HttpException(`Rate limit reached; retry in ${decision.retryAfterSeconds} s`, HttpStatus.TOO_MANY_REQUESTS);
  });
}
