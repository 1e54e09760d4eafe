import type { AppConfig } from '../../config/app-config';
import type { Role } from '../users/user.entity';

/**
 * Everything an administrator can change while the system runs, by group.
 * The environment gives the first values (ORG_*); a saved group wins.
 */
export interface Settings {
  organisation: { nameTh: string; nameEn: string };
  /** The channels shown on the home page; an empty one (absent or null) is left out, never shown blank. */
  contact: Partial<Record<ContactChannel, string | null>>;
  deadline: {
    /** Seed 004's 15 days, counted as calendar days or as working days (weekends and holidays skipped). */
    mode: 'calendar' | 'working';
    /** Reminders to the assignee and head, this many days before the due date. */
    reminderDaysBefore: number[];
  };
  identity: {
    /**
     * A reveal of a whistleblower's identity waits for a custodian's approval: another integrity
     * officer or an administrator, never the officer who asks (see the whistleblower module).
     */
    revealNeedsApproval: boolean;
  };
  security: {
    /** Roles that must sign in with a one-time code; `integrity` always must. */
    otpRequiredRoles: Role[];
  };
}

export const CONTACT_CHANNELS = ['phone', 'email', 'line', 'facebook', 'website', 'address', 'complaintBox', 'officeHours'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** The organisation as the public pages show it. */
export type Site = Settings['organisation'] & {
  contact: Settings['contact'];
  /** The logo's address (it changes with the logo); none until an administrator uploads one. */
  logoUrl?: string | null;
};

export type SettingsGroup = keyof Settings;
export const SETTINGS_GROUPS: readonly SettingsGroup[] = ['organisation', 'contact', 'deadline', 'identity', 'security'];

/** Roles that can never be exempted from two-factor sign-in: they see corruption reports. */
export const ALWAYS_OTP_ROLES: readonly Role[] = ['integrity'];

export function defaultSettings(config: AppConfig): Settings {
  const o = config.organisation;
  return {
    organisation: { nameTh: o.nameTh, nameEn: o.nameEn },
    contact: { phone: o.phone, email: o.email, address: o.address },
    deadline: { mode: 'calendar', reminderDaysBefore: [3, 1] },
    identity: { revealNeedsApproval: false },
    security: { otpRequiredRoles: [...ALWAYS_OTP_ROLES] },
  };
}
