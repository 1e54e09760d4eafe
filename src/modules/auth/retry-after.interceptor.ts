import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, Observable, throwError } from 'rxjs';

/** A refusal that says how long to wait (a refused sign-in, a spent whistleblower budget). */
type WaitRefusal = HttpException & { retryAfterSeconds: number };

function saysHowLong(err: unknown): err is WaitRefusal {
  return err instanceof HttpException && typeof (err as Partial<WaitRefusal>).retryAfterSeconds === 'number';
}

/** Puts the wait of a refusal into `Retry-After`; the global filter writes the body as for any error. */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (saysHowLong(err)) {
          context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(err.retryAfterSeconds));
        }
        return throwError(() => err);
      }),
    );
  }
}
