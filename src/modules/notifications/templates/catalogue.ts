/**
 * Every kind of mail the system sends. Each one needs exactly one renderer
 * registered with `MailTemplates` (the module that owns the occasion
 * registers it); the application refuses to start otherwise.
 */
export const NOTIFICATION_TEMPLATES = ['acknowledgement', 'case_update', 'assignment'] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];
