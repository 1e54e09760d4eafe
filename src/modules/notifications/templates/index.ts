export { NOTIFICATION_TEMPLATES } from './catalogue';
export type { NotificationTemplate } from './catalogue';
export type { MailPart, RenderedMail } from './bilingual';
export { bilingual, factsTable } from './bilingual';
export { renderAcknowledgement } from './acknowledgement';
export { renderAssignment } from './assignment';
export { renderCaseUpdate } from './case-update';
