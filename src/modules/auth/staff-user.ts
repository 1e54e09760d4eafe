import type { Role } from '../users/user.entity';

/** The signed-in staff member, as every staff endpoint sees them. */
export interface StaffUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
}
