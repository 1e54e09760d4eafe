/** What the audit log records: the acts that must be answerable for, never routine reads. */
export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'account_locked',
  'otp_enrolled',
  'otp_reset',
  'identity_reveal',
  'identity_reveal_requested',
  'identity_reveal_approved',
  'identity_reveal_refused',
  'settings_change',
  'user_create',
  'user_update',
  'notification_retry',
  'holiday_add',
  'holiday_remove',
  'due_date_change',
  'department_create',
  'department_update',
  'category_create',
  'category_update',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: AuditAction;
  /** Null for the system, or for an unknown account's failed sign-in. */
  actor: { id: string | null; role: string | null };
  caseId?: string;
  subjectUserId?: string;
  reason?: string;
  /** Facts, never personal data of citizens or whistleblowers. */
  details?: Record<string, unknown>;
}

/** Which fields a partial update sets (never their values, which may be personal or secret). */
export function changedFields(patch: object): string[] {
  return Object.entries(patch).flatMap(([k, v]) => (v === undefined ? [] : [k]));
}
