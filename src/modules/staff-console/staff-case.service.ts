import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/time/clock';
import type { FormValues } from '../../views/form-fields';
import type { AssignableGroup, CasePageData, Preview } from '../../views/pages/staff/case.page';
import { MAY_DOWNLOAD } from '../attachments/attachment-download';
import { AttachmentsService } from '../attachments/attachments.service';
import type { StaffUser } from '../auth/staff-user';
import {
  CaseActionDto,
  CaseActionsService,
  CaseDetail,
  CaseDetailsService,
  CaseQueueService,
  parseReferenceNo,
  statusAfter,
  tellsComplainant,
} from '../cases';
import type { CaseAction, InputField } from '../cases';
import { DepartmentsService } from '../departments/departments.service';
import type { RevealOutcome } from '../whistleblower/reveal/identity-reveal.service';
import { IdentityRevealService } from '../whistleblower/reveal/identity-reveal.service';
import { WhistleblowerRepository } from '../whistleblower/whistleblower.repository';

const ACTION_FIELDS: InputField[] = ['message', 'departmentId', 'assigneeId', 'expectedAt', 'agency', 'targetCaseId', 'outcome'];

/** What the case page shows and does, through the cases module's services: the page is the API with a face. */
@Injectable()
export class StaffCaseService {
  constructor(
    private readonly details: CaseDetailsService,
    private readonly actions: CaseActionsService,
    private readonly queue: CaseQueueService,
    private readonly attachments: AttachmentsService,
    private readonly departments: DepartmentsService,
    private readonly reports: WhistleblowerRepository,
    private readonly reveals: IdentityRevealService,
    private readonly clock: Clock,
  ) {}

  /** The page's data; the same 404 as the API for a case the user may not see. */
  async view(user: StaffUser, caseId: string): Promise<CasePageData> {
    const detail = await this.details.get(user, caseId);
    const [attachments, departments] = await Promise.all([this.attachments.listForStaff(user, caseId), this.departments.list(user)]);
    return {
      detail,
      attachments,
      mayDownload: (MAY_DOWNLOAD as readonly string[]).includes(user.role),
      departments: departments.map((d) => ({ id: d.id, nameTh: d.nameTh, nameEn: d.nameEn })),
      assignable: detail.allowedActions.includes('assign') ? await this.assignable(user, departments) : [],
      // Only the integrity officer sees corruption cases at all; the online report's own fields go with them.
      report: detail.kind === 'corruption' && user.role === 'integrity' ? await this.reports.details(detail.id) : null,
      now: this.clock.now(),
    };
  }

  /** The whistleblower's identity for a recorded reason (audited), or the request a second person must approve. */
  reveal(user: StaffUser, caseId: string, reason: string): Promise<RevealOutcome> {
    return this.reveals.reveal(user, caseId, reason);
  }

  /**
   * The posted form as the API's body: only the fields there are, trimmed,
   * none empty; an expected date is the end of that day in Bangkok, and a
   * merge target typed as a reference number becomes the case's id (within
   * what the user may see; an unknown one stays as typed and fails validation).
   */
  async actionInput(user: StaffUser, form: Record<string, unknown>): Promise<{ action: unknown } & Partial<Record<InputField, string>>> {
    const input: { action: unknown } & Partial<Record<InputField, string>> = { action: form.action };
    for (const field of ACTION_FIELDS) {
      const value = typeof form[field] === 'string' ? (form[field] as string).trim() : '';
      if (value) input[field] = value;
    }
    if (input.expectedAt && /^\d{4}-\d{2}-\d{2}$/.test(input.expectedAt)) input.expectedAt = `${input.expectedAt}T23:59:00+07:00`;
    if (input.targetCaseId && parseReferenceNo(input.targetCaseId.toUpperCase())) {
      const found = await this.queue.list(user, { q: input.targetCaseId, limit: 1 });
      input.targetCaseId = found.items[0]?.id ?? input.targetCaseId;
    }
    return input;
  }

  /** The form's values as typed, to show the form again. */
  values(form: Record<string, unknown>): FormValues {
    return Object.fromEntries(ACTION_FIELDS.map((f) => [f, typeof form[f] === 'string' ? (form[f] as string) : undefined]));
  }

  /** One action, as POST /api/v1/cases/:id/actions does it. */
  act(user: StaffUser, caseId: string, dto: CaseActionDto): Promise<CaseDetail> {
    return this.actions.perform(user, caseId, dto);
  }

  /** What the complainant would read after this action, without doing it. */
  preview(detail: CaseDetail, dto: CaseActionDto, departments: CasePageData['departments']): Preview {
    const now = this.clock.now();
    const department = dto.action === 'assign' ? departments.find((d) => d.id === dto.departmentId) : undefined;
    return {
      at: now,
      action: dto.action,
      status: statusAfter(dto.action as CaseAction, {
        kind: detail.kind,
        status: detail.status,
        outcome: dto.outcome,
        hasDepartment: detail.departmentId !== null,
        closedAt: detail.closedAt,
        now,
      }),
      message: dto.message ?? null,
      expectedAt: dto.expectedAt ? new Date(dto.expectedAt) : null,
      agency: dto.agency ?? null,
      department: department ? { name: department.nameTh, nameEn: department.nameEn } : null,
      emailed: Boolean(detail.complainant.email) && tellsComplainant(dto.action),
    };
  }

  /** The officers a case can go to, by department, as GET /departments/:id/staff lists them for this user. */
  private async assignable(user: StaffUser, departments: Array<{ id: string; nameTh: string; nameEn: string }>): Promise<AssignableGroup[]> {
    const listable = departments.filter((d) => user.role === 'center' || (user.role === 'head' && d.id === user.departmentId));
    return Promise.all(
      listable.map(async (d) => ({
        departmentId: d.id,
        departmentName: { th: d.nameTh, en: d.nameEn },
        staff: await this.departments.assignableStaff(user, d.id),
      })),
    );
  }
}
