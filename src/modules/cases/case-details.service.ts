import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/time/clock';
import type { StaffUser } from '../auth/staff-user';
import { CaseAccessService } from './case-access.service';
import { isSharedOnly } from './case-scope';
import { CaseKind, CaseStatus, Channel, isOverdue } from './case.types';
import { allowedActions, CaseAction } from './case-workflow';
import { CaseDetailsRepository, TimelineRow } from './case-details.repository';

export interface CaseDetail {
  id: string;
  referenceNo: string;
  kind: CaseKind;
  channel: Channel;
  status: CaseStatus;
  subject: string;
  description: string;
  category: { code: string; name: string } | null;
  location: string | null;
  departmentId: string | null;
  department: { id: string; code: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  sharedWith: Array<{ id: string; code: string; name: string }>;
  /**
   * Contact details only for those who work the case; executives see whether it is anonymous. A corruption
   * case's identity is never here: `vaulted` says the vault holds one (POST /cases/:id/identity/reveal).
   */
  complainant: {
    anonymous: boolean;
    vaulted?: boolean;
    name?: string | null;
    email?: string | null;
    phone?: string | null;
    address?: string | null;
  };
  letterNo: string | null;
  letterDate: string | null;
  receivedAt: Date;
  dueAt: Date;
  overdue: boolean;
  expectedAt: Date | null;
  explainedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  referredTo: string | null;
  mergedIntoId: string | null;
  updatedAt: Date;
  allowedActions: CaseAction[];
  timeline: Array<
    Omit<TimelineRow, 'actorId' | 'actorName' | 'actorRole'> & {
      actor: { id: string; name: string | null; role: string } | null;
    }
  >;
}

@Injectable()
export class CaseDetailsService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly details: CaseDetailsRepository,
    private readonly clock: Clock,
  ) {}

  async get(user: StaffUser, caseId: string): Promise<CaseDetail> {
    const now = this.clock.now();
    const c = await this.access.findVisible(user, caseId);
    const [ctx, sharedWith, timeline] = await Promise.all([
      this.details.context(c.id),
      this.details.shares(c.id),
      this.details.timeline(c.id),
    ]);
    const seesContact = user.role !== 'executive';
    const sharedOnly = isSharedOnly(user, c.departmentId);
    return {
      id: c.id,
      referenceNo: c.referenceNo,
      kind: c.kind,
      channel: c.channel,
      status: c.status,
      subject: c.subject,
      description: c.description,
      category: ctx.categoryCode ? { code: ctx.categoryCode, name: ctx.categoryName as string } : null,
      location: c.location,
      departmentId: c.departmentId,
      department: c.departmentId
        ? { id: c.departmentId, code: ctx.departmentCode as string, name: ctx.departmentName as string }
        : null,
      assignee: c.assigneeId ? { id: c.assigneeId, name: ctx.assigneeName as string } : null,
      sharedWith,
      complainant: ctx.vaulted
        ? { anonymous: false, vaulted: true }
        : seesContact && !ctx.anonymous
        ? {
            anonymous: false,
            name: ctx.complainantName,
            email: ctx.complainantEmail,
            phone: ctx.complainantPhone,
            address: ctx.complainantAddress,
          }
        : { anonymous: ctx.anonymous ?? true },
      letterNo: c.letterNo,
      letterDate: c.letterDate,
      receivedAt: c.receivedAt,
      dueAt: c.dueAt,
      overdue: isOverdue(c.status, c.dueAt, now),
      expectedAt: c.expectedAt,
      explainedAt: c.explainedAt,
      resolvedAt: c.resolvedAt,
      closedAt: c.closedAt,
      referredTo: c.referredTo,
      mergedIntoId: c.mergedIntoId,
      updatedAt: c.updatedAt,
      allowedActions: allowedActions(
        { role: user.role, sharedOnly },
        { kind: c.kind, status: c.status, hasDepartment: c.departmentId !== null, closedAt: c.closedAt, now },
      ),
      timeline: timeline.map(({ actorId, actorName, actorRole, ...e }) => ({
        ...e,
        actor: actorId ? { id: actorId, name: actorName, role: actorRole } : null,
      })),
    };
  }
}
