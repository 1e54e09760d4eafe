import type { Role } from '../../../modules/users/user.entity';
import type { StaffMessages } from './staff.messages';

export interface StaffNavItem {
  path: string;
  label: (m: StaffMessages) => string;
  /** Who sees the item; the page's own guard still decides who may open it. */
  roles: readonly Role[];
}

/**
 * The console's menu, in order. A new page adds its item here (the admin
 * pages add theirs for `admin`): the header, and where a role lands after
 * signing in, follow from this list.
 */
export const STAFF_NAV: readonly StaffNavItem[] = [
  { path: '/staff/dashboard', label: (m) => m.nav.dashboard, roles: ['executive'] },
  { path: '/staff', label: (m) => m.nav.queue, roles: ['center', 'officer', 'head', 'integrity', 'executive'] },
  { path: '/staff/cases/new', label: (m) => m.nav.register, roles: ['center', 'integrity'] },
  { path: '/staff/admin/users', label: (m) => m.nav.users, roles: ['admin'] },
  { path: '/staff/admin/departments', label: (m) => m.nav.departments, roles: ['admin'] },
  { path: '/staff/admin/categories', label: (m) => m.nav.categories, roles: ['admin'] },
  { path: '/staff/admin/holidays', label: (m) => m.nav.holidays, roles: ['admin'] },
  { path: '/staff/admin/settings', label: (m) => m.nav.settings, roles: ['admin'] },
  { path: '/staff/admin/audit', label: (m) => m.nav.audit, roles: ['admin'] },
  { path: '/staff/admin/notifications', label: (m) => m.nav.notifications, roles: ['admin'] },
];

export function navFor(role: Role): StaffNavItem[] {
  return STAFF_NAV.filter((item) => item.roles.includes(role));
}

/** Where a role lands after signing in without a page to go back to: its first menu item. */
export function landingPath(role: Role): string {
  return navFor(role)[0]?.path ?? '/staff';
}
