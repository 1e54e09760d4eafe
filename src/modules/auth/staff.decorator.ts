import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { ROLES } from '../users/user.entity';
import type { Role } from '../users/user.entity';
import { ROLES_KEY, StaffAuthGuard, StaffRequest } from './staff-auth.guard';
import type { StaffUser } from './staff-user';

/** A staff endpoint: signed in, with one of these roles (all staff roles when none are named). */
export function Staff(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles.length ? roles : [...ROLES]),
    UseGuards(StaffAuthGuard),
    ApiBearerAuth(),
    ApiErrors(401, 403),
  );
}

/** The staff member the guard authenticated. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): StaffUser => {
  const staff = ctx.switchToHttp().getRequest<StaffRequest>().staff;
  if (!staff) throw new Error('CurrentUser used on a route without @Staff()');
  return staff;
});
