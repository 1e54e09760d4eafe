export const NOTIFICATION_TEMPLATES = ['acknowledgement', 'case_update', 'assignment'] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

export type { RenderedMail } from './bilingual';
export { renderAcknowledgement } from './acknowledgement';
export { renderAssignment } from './assignment';
export { renderCaseUpdate } from './case-update';
