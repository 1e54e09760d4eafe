import { RouteConfig } from '@nestjs/platform-fastify';

/**
 * Marks a public endpoint for the per-client limit (PUBLIC_RATE_LIMIT per
 * minute, set where the plugin is registered). Without the plugin it is inert.
 */
export const PublicRateLimit = () => RouteConfig({ rateLimit: {} });
