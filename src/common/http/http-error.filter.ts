import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { DomainError, ErrorCode, FieldError } from '../errors/domain-error';
import { isDataException, isDependencyUnavailable } from '../errors/infrastructure-errors';

/** How long a client should wait before retrying when Postgres or Redis is away. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ErrorCode.Unauthorized]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: FieldError[];
  detailsOmitted?: number;
}

/** How a browser's request gets an error page instead of JSON; the views supply it. */
export interface ErrorPageRenderer {
  wantsPage(request: FastifyRequest): boolean;
  render(request: FastifyRequest, status: number): string;
}

/** Turns every error into the contract's `{ statusCode, error, message, details? }`, or a page for browsers. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  constructor(private readonly pages?: ErrorPageRenderer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const body = this.toBody(exception);
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      // One line, not a stack: during an outage every request fails the same way.
      this.logger.warn(`dependency unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      reply.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    } else if (body.statusCode >= 500 || isDataException(exception)) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (this.pages?.wantsPage(request)) {
      reply.status(body.statusCode).type('text/html; charset=utf-8').send(this.pages.render(request, body.statusCode));
      return;
    }
    // Set explicitly: a page route has already declared text/html, which an object body cannot be sent as.
    reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = STATUS_BY_CODE[exception.code];
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message: exception.message,
        code: exception.code,
        ...(exception.details ? { details: exception.details } : {}),
        ...exception.extra,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const res = exception.getResponse();
      const message =
        typeof res === 'string' ? res : Array.isArray((res as { message?: unknown }).message)
          ? ((res as { message: string[] }).message).join('; ')
          : String((res as { message?: unknown }).message ?? exception.message);
      return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
    }
    if (isDependencyUnavailable(exception)) {
      return { statusCode: 503, error: 'Service Unavailable', message: 'A service this request needs is unavailable; retry shortly' };
    }
    if (isDataException(exception)) {
      return { statusCode: 400, error: 'Bad Request', message: 'A value in the request is out of range or malformed' };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
  }
}
