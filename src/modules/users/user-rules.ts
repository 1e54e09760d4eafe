import type { FieldError } from '../../common/errors/domain-error';
import type { Role } from './user.entity';

/** The roles that work inside one department; the database's users_department_matches_role says the same. */
export const DEPARTMENT_ROLES: ReadonlySet<Role> = new Set<Role>(['officer', 'head']);

/** Officers and heads belong to exactly one department; every other role to none. */
export function departmentRuleViolation(role: Role, departmentId: string | null): FieldError | null {
  const needsDepartment = DEPARTMENT_ROLES.has(role);
  if (needsDepartment && !departmentId) {
    return {
      field: 'departmentId',
      code: 'departmentRequired',
      message: `departmentId is required for the role ${role}: officers and heads belong to one department`,
    };
  }
  if (!needsDepartment && departmentId) {
    return {
      field: 'departmentId',
      code: 'departmentNotAllowed',
      message: `departmentId must be null for the role ${role}: only officers and heads belong to a department`,
    };
  }
  return null;
}

/**
 * An administrator cannot lock themself out: with this rule the one making
 * changes always stays an active admin, so the system never loses its last one.
 */
export function selfChangeViolation(
  actorId: string,
  targetId: string,
  changes: { role?: Role; active?: boolean },
): FieldError | null {
  if (actorId !== targetId) return null;
  if (changes.active === false) {
    return { field: 'active', code: 'selfDeactivation', message: 'active: administrators cannot deactivate their own account' };
  }
  if (changes.role !== undefined && changes.role !== 'admin') {
    return { field: 'role', code: 'selfDemotion', message: 'role: administrators cannot remove their own admin role' };
  }
  return null;
}
