import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorBodyDto } from '../../../common/openapi/error-body.dto';
import { nullableObject } from '../../../common/openapi/nullable-object';
import { CASE_ACTIONS, CaseAction, CORRUPTION_OUTCOMES } from '../case-workflow';
import { CASE_KINDS, CASE_STATUSES, CaseKind, CaseStatus, Channel, CHANNELS } from '../case.types';

const NAMED_DEPARTMENT = { id: { type: 'string', format: 'uuid' }, code: { type: 'string' }, name: { type: 'string', description: 'The Thai name' } };

export class DepartmentRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'works' }) code!: string;
  @ApiProperty({ example: 'กองช่าง', description: 'The Thai name' }) name!: string;
}

/** Executives see only whether the complainant is anonymous; those who work the case also see the contact. */
export class CaseComplainantDto {
  @ApiProperty() anonymous!: boolean;
  @ApiPropertyOptional({ description: 'A corruption case whose reporter gave an identity: it is in the vault, never here (POST /api/v1/cases/{id}/identity/reveal)' })
  vaulted?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) name?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) address?: string | null;
}

export class CaseTimelineEntryDto {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty() at!: Date;
  @ApiProperty({ example: 'assign', description: 'A case action, or receive, merged_in, attach, due_date_change, …' }) action!: string;
  @ApiProperty({ enum: [...CASE_STATUSES, null], nullable: true, type: String }) fromStatus!: string | null;
  @ApiProperty({ enum: [...CASE_STATUSES, null], nullable: true, type: String }) toStatus!: string | null;
  @ApiProperty({ description: 'Shown to the complainant on the tracking page' }) public!: boolean;
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
  @ApiProperty(
    nullableObject(
      { id: { type: 'string', format: 'uuid' }, name: { type: 'string', nullable: true }, role: { type: 'string', example: 'center' } },
      'The staff member who acted; null for the complainant and the system',
    ),
  )
  actor!: { id: string; name: string | null; role: string } | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'assign, share: the department' }) departmentId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'assign: the officer' }) assigneeId!: string | null;
  @ApiProperty({ type: Date, nullable: true, description: 'explain: the new expected date' }) expectedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'refer: the outside agency' }) agency!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'merge, merged_in: the other case' }) relatedCaseId!: string | null;
  @ApiProperty({ enum: [...CORRUPTION_OUTCOMES, null], type: String, nullable: true, description: 'conclude: how the fact-finding ended' })
  outcome!: string | null;
}

/** One case as staff see it, with its full timeline (SPEC §4: GET /api/v1/cases/:id and the answer of an action). */
export class CaseDetailDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'G-2569-000123' }) referenceNo!: string;
  @ApiProperty({ enum: CASE_KINDS }) kind!: CaseKind;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty() subject!: string;
  @ApiProperty() description!: string;
  @ApiProperty(nullableObject({ code: { type: 'string' }, name: { type: 'string', description: 'The Thai name' } }))
  category!: { code: string; name: string } | null;
  @ApiProperty({ type: String, nullable: true }) location!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId!: string | null;
  @ApiProperty(nullableObject(NAMED_DEPARTMENT)) department!: DepartmentRefDto | null;
  @ApiProperty(nullableObject({ id: { type: 'string', format: 'uuid' }, name: { type: 'string' } })) assignee!: { id: string; name: string } | null;
  @ApiProperty({ type: [DepartmentRefDto], description: 'Departments the case is shared with' }) sharedWith!: DepartmentRefDto[];
  @ApiProperty({ type: CaseComplainantDto }) complainant!: CaseComplainantDto;
  @ApiProperty({ type: String, nullable: true, description: "A letter's own number" }) letterNo!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "A letter's own date (YYYY-MM-DD)" }) letterDate!: string | null;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty() dueAt!: Date;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: Date, nullable: true }) expectedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) explainedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) closedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'The outside agency it was referred to' }) referredTo!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) mergedIntoId!: string | null;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty({ enum: CASE_ACTIONS, isArray: true, description: 'What the caller may do to the case now' })
  allowedActions!: CaseAction[];
  @ApiProperty({ type: [CaseTimelineEntryDto], description: 'Every event, oldest first, public and internal' })
  timeline!: CaseTimelineEntryDto[];
}

/** The refusal of an action: what the caller may do instead (absent when the role may do nothing to cases). */
export class ActionRefusedDto extends ErrorBodyDto {
  @ApiPropertyOptional({ enum: CASE_ACTIONS, isArray: true, description: 'The actions the caller may take on the case now' })
  allowedActions?: CaseAction[];
}
