/**
 * What the rest of the system may use of the case module; everything else
 * in this folder is its own business. (The Nest module itself is imported
 * from `cases.module.ts`, to keep this file free of module wiring.)
 */
export { CaseAccessService } from './case-access.service';
export type { CaseChange, CaseChangeSubscriber, CaseSnapshot, TimelineAction } from './case-changes';
export { CaseChanges } from './case-changes';
export type { NewCase, RegisteredCase } from './case-registration.service';
export { CaseRegistrationService } from './case-registration.service';
export { isUuid } from './case-scope';
export type { ComplainantIdentity, IdentityKeeper } from './identity-custody';
export { IdentityCustody } from './identity-custody';
export type { TimelineEntry } from './case-timeline.service';
export { CaseTimeline } from './case-timeline.service';
export type { PublicCaseView } from './case-tracking.service';
export { CaseTrackingService } from './case-tracking.service';
export type { CaseAction, ComplainantAction } from './case-workflow';
export type { CorruptionOutcome } from './case-workflow';
export { CASE_ACTIONS, CORRUPTION_OUTCOMES, isPublicAction, statusAfter, tellsComplainant } from './case-workflow';
export type { InputField } from './action-inputs';
export { actionFields } from './action-inputs';
export * from './case.types';
export { ComplainantDto, ComplaintDto, DESCRIPTION_MAX, SUBJECT_MAX } from './dto/complaint.dto';
export { formatThaiReferenceNo, parseReferenceNo, thaiReferenceNo } from './reference-number';
export { formatTrackingCode, normalizeTrackingCode, requireTrackingCode } from './tracking-code';
// For the staff console's pages, which do what the API does.
export { CaseActionsService } from './case-actions.service';
export type { CaseDetail } from './case-details.service';
export { CaseDetailsService } from './case-details.service';
export type { ViewCount } from './case-queue.service';
export { CaseQueueService } from './case-queue.service';
export { StaffRegistrationService } from './staff-registration.service';
export { CaseActionDto } from './dto/case-action.dto';
export type { QueueItemDto, QueuePageDto, QueueSort, QueueView } from './dto/case-queue.dto';
export { CaseQueueQueryDto, QUEUE_SORTS, QUEUE_VIEWS } from './dto/case-queue.dto';
export { OFFLINE_CHANNELS, RegisterCaseDto } from './dto/register-case.dto';
