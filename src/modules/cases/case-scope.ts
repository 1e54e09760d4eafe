import type { StaffUser } from '../auth/staff-user';
import { DEPARTMENT_ROLES } from '../users/user-rules';
import type { CaseKind } from './case.types';

/**
 * Which cases a staff member may see, as data. Corruption cases belong to
 * the integrity officer alone; department staff see their own department's
 * cases and those shared with it; administrators run the system, not cases.
 */
export type CaseScope =
  | { kind: 'none' }
  | { kind: 'all'; caseKind: CaseKind }
  | { kind: 'department'; caseKind: CaseKind; departmentId: string };

export function caseScopeOf(user: Pick<StaffUser, 'role' | 'departmentId'>): CaseScope {
  switch (user.role) {
    case 'center':
    case 'executive':
      return { kind: 'all', caseKind: 'general' };
    case 'integrity':
      return { kind: 'all', caseKind: 'corruption' };
    case 'officer':
    case 'head':
      return user.departmentId
        ? { kind: 'department', caseKind: 'general', departmentId: user.departmentId }
        : { kind: 'none' };
    case 'admin':
      return { kind: 'none' };
  }
}

/**
 * The scope as a SQL condition on the alias `c`, with named parameters
 * (TypeORM's `:name`). Every case query goes through this one function.
 */
export function scopeCondition(scope: CaseScope): { sql: string; params: Record<string, unknown> } {
  switch (scope.kind) {
    case 'none':
      return { sql: 'FALSE', params: {} };
    case 'all':
      return { sql: 'c.kind = :scopeKind', params: { scopeKind: scope.caseKind } };
    case 'department':
      return {
        sql: `c.kind = :scopeKind AND (c.department_id = :scopeDept OR EXISTS (
                SELECT 1 FROM case_shares s WHERE s.case_id = c.id AND s.department_id = :scopeDept))`,
        params: { scopeKind: scope.caseKind, scopeDept: scope.departmentId },
      };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Department staff looking at a case that another department owns and only shares with theirs. */
export function isSharedOnly(user: Pick<StaffUser, 'role' | 'departmentId'>, caseDepartmentId: string | null): boolean {
  return DEPARTMENT_ROLES.has(user.role) && caseDepartmentId !== user.departmentId;
}
