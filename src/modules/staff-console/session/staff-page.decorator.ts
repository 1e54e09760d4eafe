import { applyDecorators, SetMetadata, UseFilters, UseGuards } from '@nestjs/common';
import { ROLES_KEY } from '../../auth/staff-auth.guard';
import { ROLES, type Role } from '../../users/user.entity';
import { SignInRedirectFilter, StaffPageGuard } from './staff-page.guard';

/**
 * A page of the staff console: signed in (or sent to the sign-in page and
 * back), with one of these roles (any staff role when none are named).
 * `@CurrentUser()` gives the staff member, as on the API.
 */
export function StaffPage(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles.length ? roles : [...ROLES]),
    UseGuards(StaffPageGuard),
    UseFilters(SignInRedirectFilter),
  );
}
