import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import type { StaffUser } from '../auth/staff-user';
import { NotificationsService } from '../notifications/notifications.service';
import { isComplainantAction } from '../notifications/templates/case-update';
import { checkActionInputs } from './action-inputs';
import { CaseAccessService } from './case-access.service';
import { isSharedOnly } from './case-scope';
import type { Case } from './case.entity';
import { CaseDetail, CaseDetailsService } from './case-details.service';
import { CaseAction, decide, Decision } from './case-workflow';
import { CaseChanges, CaseWorkflowRepository } from './case-workflow.repository';
import { CasesRepository } from './cases.repository';
import type { CaseActionDto } from './dto/case-action.dto';


interface Effect {
  changes: Omit<CaseChanges, 'status'>;
  event: { departmentId?: string; assigneeId?: string; expectedAt?: Date; agency?: string; relatedCaseId?: string };
  /** Staff to tell, by user id. */
  notifyStaff: string[];
  /** Runs after the event is written (rows that point at other cases or departments). */
  after?: (eventId: string) => Promise<void>;
}

@Injectable()
export class CaseActionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccessService,
    private readonly cases: CasesRepository,
    private readonly workflow: CaseWorkflowRepository,
    private readonly notifications: NotificationsService,
    private readonly details: CaseDetailsService,
  ) {}

  /**
   * One action on one case, serialised with any other action on it by the
   * row lock, and written with its timeline event and notifications in one
   * transaction.
   */
  async perform(user: StaffUser, caseId: string, input: CaseActionDto, now = new Date()): Promise<CaseDetail> {
    const inputErrors = checkActionInputs(input, now);
    if (inputErrors.length) throw DomainError.validation(inputErrors);

    const notificationIds = await this.db.transaction(async (m) => {
      if (input.action === 'merge' && input.targetCaseId) {
        // Visible first (a 404 must not depend on lock order), then both locked in id order.
        await this.access.findVisible(user, caseId, m);
        await this.workflow.lockInOrder(m, [caseId, input.targetCaseId]);
      }
      const c = await this.access.findVisible(user, caseId, m, true);
      const sharedOnly = isSharedOnly(user, c.departmentId);
      const decision = decide(
        input.action,
        { role: user.role, sharedOnly },
        { status: c.status, hasDepartment: c.departmentId !== null, closedAt: c.closedAt, now },
      );
      if (!decision.ok) throw refusal(input.action, c, decision);

      const effect = await this.effectOf(m, user, c, input, now);
      await this.workflow.apply(m, c.id, { status: decision.to, ...effect.changes });
      const eventId = await this.cases.appendEvent(m, {
        caseId: c.id,
        action: input.action,
        fromStatus: c.status,
        toStatus: decision.to,
        public: decision.public,
        message: input.message ?? null,
        actorId: user.id,
        actorRole: user.role,
        ...effect.event,
      });
      await effect.after?.(eventId);
      return this.queueNotifications(m, c, input.action, eventId, effect.notifyStaff);
    });

    this.notifications.dispatch(notificationIds);
    return this.details.get(user, caseId);
  }

  private async effectOf(m: EntityManager, user: StaffUser, c: Case, input: CaseActionDto, now: Date): Promise<Effect> {
    const none: Effect = { changes: {}, event: {}, notifyStaff: [] };
    switch (input.action) {
      case 'assign':
        return this.assignment(m, user, c, input);
      case 'share': {
        const departmentId = input.departmentId as string;
        if (c.kind === 'corruption') throw corruptionStaysWithIntegrity();
        if (departmentId === c.departmentId) {
          throw DomainError.field('departmentId', 'ownDepartment', 'The case already belongs to this department');
        }
        if (!(await this.workflow.isActiveDepartment(m, departmentId))) throw unknownDepartment();
        const staff = await this.workflow.departmentStaff(m, departmentId);
        return {
          changes: {},
          event: { departmentId },
          notifyStaff: staff.map((s) => s.id),
          after: async () => {
            await this.workflow.share(m, c.id, departmentId, user.id);
          },
        };
      }
      case 'explain':
        return { ...none, changes: { expectedAt: new Date(input.expectedAt as string), explainedAt: now }, event: { expectedAt: new Date(input.expectedAt as string) } };
      case 'resolve':
        return { ...none, changes: { resolvedAt: now } };
      case 'close':
        return { ...none, changes: { closedAt: now } };
      case 'reopen':
        return { ...none, changes: { closedAt: null, resolvedAt: null } };
      case 'refer':
        return { ...none, changes: { referredTo: input.agency as string }, event: { agency: input.agency as string } };
      case 'merge': {
        const targetId = input.targetCaseId as string;
        if (targetId === c.id) throw DomainError.field('targetCaseId', 'self', 'A case cannot be merged into itself');
        const target = await this.access.findVisible(user, targetId, m).catch(() => {
          throw DomainError.field('targetCaseId', 'notFound', 'targetCaseId is not a case you can see');
        });
        if (target.kind !== c.kind) throw DomainError.field('targetCaseId', 'otherKind', 'Cases of different kinds cannot be merged');
        if (target.status === 'merged') {
          throw DomainError.field('targetCaseId', 'merged', 'The target was itself merged; merge into the case it points to');
        }
        return {
          changes: { mergedIntoId: target.id },
          event: { relatedCaseId: target.id },
          notifyStaff: [],
          after: async () => {
            await this.cases.appendEvent(m, {
              caseId: target.id,
              action: 'merged_in',
              fromStatus: target.status,
              toStatus: target.status,
              public: false,
              message: `${c.referenceNo} merged into this case`,
              actorId: user.id,
              actorRole: user.role,
              relatedCaseId: c.id,
            });
          },
        };
      }
      default:
        return none;
    }
  }

  private async assignment(m: EntityManager, user: StaffUser, c: Case, input: CaseActionDto): Promise<Effect> {
    if (c.kind === 'corruption') throw corruptionStaysWithIntegrity();
    // A head routes within their own department; the centre routes anywhere.
    const departmentId = input.departmentId ?? (user.role === 'head' ? user.departmentId : undefined);
    if (!departmentId) throw DomainError.field('departmentId', 'required', 'departmentId is required to assign');
    if (user.role === 'head' && departmentId !== user.departmentId) {
      throw DomainError.field('departmentId', 'otherDepartment', 'A head assigns within their own department');
    }
    if (!(await this.workflow.isActiveDepartment(m, departmentId))) throw unknownDepartment();
    const assigneeId = input.assigneeId ?? null;
    if (assigneeId && !(await this.workflow.isAssignable(m, assigneeId, departmentId))) {
      throw DomainError.field('assigneeId', 'notAssignable', 'assigneeId is not an active officer or head of that department');
    }
    const notifyStaff = assigneeId ? [assigneeId] : (await this.workflow.departmentStaff(m, departmentId)).map((s) => s.id);
    return {
      changes: { departmentId, assigneeId },
      event: { departmentId, ...(assigneeId ? { assigneeId } : {}) },
      notifyStaff: notifyStaff.filter((id) => id !== user.id),
    };
  }

  private async queueNotifications(
    m: EntityManager,
    c: Case,
    action: CaseAction,
    eventId: string,
    staffIds: string[],
  ): Promise<string[]> {
    const ids: string[] = [];
    if (c.kind === 'general' && isComplainantAction(action)) {
      const email = await this.workflow.complainantEmail(m, c.complainantId);
      if (email) {
        ids.push(
          await this.notifications.addToOutbox(m, { caseId: c.id, eventId, template: 'case_update', recipient: email, locale: 'th' }),
        );
      }
    }
    for (const userId of staffIds) {
      const email = await this.workflow.userEmail(m, userId);
      if (email) {
        ids.push(
          await this.notifications.addToOutbox(m, { caseId: c.id, eventId, userId, template: 'assignment', recipient: email, locale: 'th' }),
        );
      }
    }
    return ids;
  }
}

function refusal(action: CaseAction, c: Case, decision: Exclude<Decision, { ok: true }>): DomainError {
  const extra = { allowedActions: decision.allowed };
  switch (decision.reason) {
    case 'role':
      return new DomainError(ErrorCode.Forbidden, `Your role may not ${action} this case`, undefined, extra);
    case 'reopen_window':
      return new DomainError(ErrorCode.Conflict, 'A case can be reopened only within 30 days of closing', undefined, extra);
    case 'status':
      return new DomainError(ErrorCode.Conflict, `Cannot ${action} a case that is ${c.status}`, undefined, extra);
  }
}

function unknownDepartment(): DomainError {
  return DomainError.field('departmentId', 'notFound', 'departmentId is not an active department');
}

function corruptionStaysWithIntegrity(): DomainError {
  return new DomainError(ErrorCode.Conflict, 'Corruption cases stay with the integrity officer and are not routed to departments');
}
