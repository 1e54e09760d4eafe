import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, Observable, throwError } from 'rxjs';
import { TooManySignInAttempts } from './sign-in-throttle';

/** Puts the wait of a refused sign-in into `Retry-After`; the global filter writes the body as for any error. */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (err instanceof TooManySignInAttempts) {
          context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(err.retryAfterSeconds));
        }
        return throwError(() => err);
      }),
    );
  }
}
