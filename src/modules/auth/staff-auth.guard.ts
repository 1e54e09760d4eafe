import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { Role } from '../users/user.entity';
import { AuthService } from './auth.service';
import { StaffUser } from './staff-user';

export const ROLES_KEY = 'rongrian:roles';

export type StaffRequest = FastifyRequest & { staff?: StaffUser };

/** Bearer token → the current staff member, who must hold one of the endpoint's roles. */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<StaffRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new DomainError(ErrorCode.Unauthorized, 'Sign in first: send the access token as a Bearer token');
    const staff = await this.auth.authenticate(match[1]);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles && roles.length > 0 && !roles.includes(staff.role)) {
      throw new DomainError(ErrorCode.Forbidden, `This needs one of the roles: ${roles.join(', ')}`);
    }
    request.staff = staff;
    return true;
  }
}
