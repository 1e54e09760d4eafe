import { applyDecorators, CanActivate, createParamDecorator, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { ReceiptTokens } from './receipt-tokens';

type ReceiptRequest = FastifyRequest & { reportCaseId?: string };

@Injectable()
export class ReceiptTokenGuard implements CanActivate {
  constructor(private readonly tokens: ReceiptTokens) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ReceiptRequest>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new DomainError(ErrorCode.Unauthorized, 'Send the token from /api/v1/whistleblower/access as a Bearer token');
    request.reportCaseId = await this.tokens.read(match[1]);
    return true;
  }
}

/** An endpoint for the holder of a receipt token (never a staff token). */
export function WithReceiptToken() {
  return applyDecorators(
    UseGuards(ReceiptTokenGuard),
    ApiBearerAuth('receipt'),
    ApiErrors({ 401: 'No valid receipt token (a staff token is never one)' }),
  );
}

/** The case of the report the token opens. */
export const ReportCase = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const caseId = ctx.switchToHttp().getRequest<ReceiptRequest>().reportCaseId;
  if (!caseId) throw new Error('ReportCase used on a route without @WithReceiptToken()');
  return caseId;
});
