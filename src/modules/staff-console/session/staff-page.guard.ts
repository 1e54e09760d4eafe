import { ArgumentsHost, CanActivate, Catch, ExceptionFilter, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { DomainError, ErrorCode } from '../../../common/errors/domain-error';
import { ROLES_KEY, StaffRequest } from '../../auth/staff-auth.guard';
import type { Role } from '../../users/user.entity';
import { readSessionToken, STAFF_PATH } from './session-cookie';
import { StaffSessionsService } from './staff-sessions.service';

/** No live session: the page is asked for again after signing in. */
export class SignInRequired extends Error {
  constructor(readonly returnTo: string) {
    super('Sign in first');
  }
}

/**
 * The console's counterpart of StaffAuthGuard: the session cookie instead of
 * a bearer token, the same roles metadata, and `request.staff` set the same
 * way, so that `@CurrentUser()` works on pages too. A wrong role is the
 * same 403 as in the API (an error page for a browser).
 */
@Injectable()
export class StaffPageGuard implements CanActivate {
  constructor(
    private readonly sessions: StaffSessionsService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<StaffRequest>();
    const staff = await this.sessions.resolve(readSessionToken(request));
    if (!staff) throw new SignInRequired(request.url);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles?.length && !roles.includes(staff.role)) {
      throw new DomainError(ErrorCode.Forbidden, `This page needs one of the roles: ${roles.join(', ')}`);
    }
    request.staff = staff;
    return true;
  }
}

/** Only paths of the console come back after sign-in: `next` must never send anyone to another site. */
export function safeReturnPath(next: unknown): string | null {
  if (typeof next !== 'string' || next.length > 500) return null;
  if (!(next === STAFF_PATH || next.startsWith(`${STAFF_PATH}/`) || next.startsWith(`${STAFF_PATH}?`))) return null;
  return /[\\\s]/.test(next) || /^\/staff\/(login|logout)\b/.test(next) ? null : next;
}

export function signInPath(returnTo: string | null): string {
  const next = safeReturnPath(returnTo);
  return next ? `${STAFF_PATH}/login?next=${encodeURIComponent(next)}` : `${STAFF_PATH}/login`;
}

/** A 401 on a page becomes the sign-in page, which brings the reader back here afterwards. */
@Catch(SignInRequired)
export class SignInRedirectFilter implements ExceptionFilter {
  catch(exception: SignInRequired, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
        // Every form posts to the address of its own page, so a form posted after the session ended comes back to that page.
    reply.redirect(signInPath(exception.returnTo), 303);
  }
}
