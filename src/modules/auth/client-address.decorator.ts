import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The client's address as Fastify sees it: the socket's, or X-Forwarded-For's when TRUST_PROXY is on. */
export const ClientAddress = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest<FastifyRequest>().ip,
);
