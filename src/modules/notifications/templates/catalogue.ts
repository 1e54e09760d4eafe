/**
 * Every kind of mail the system sends. Each one needs exactly one renderer
 * registered with `MailTemplates` (the module that owns the occasion
 * registers it); the application refuses to start otherwise.
 */
export const NOTIFICATION_TEMPLATES = [
  'acknowledgement',
  'case_update',
  'assignment',
  // The deadline engine's (src/modules/deadlines): to the complainant, and to staff.
  'deadline_notice',
  'deadline_reminder',
  'deadline_escalation',
  'deadline_executive',
  'deadline_digest',
  // The whistleblower channel's (src/modules/whistleblower): "there is news", and nothing else.
  'whistleblower_news',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];
