import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { Transactions, Tx } from '../../database/transactions';
import type { StaffUser } from '../auth/staff-user';
import { checkActionInputs } from './action-inputs';
import { CaseAccessService } from './case-access.service';
import type { CaseSnapshot } from './case-changes';
import { CaseDetail, CaseDetailsService } from './case-details.service';
import { isSharedOnly } from './case-scope';
import { CaseTimeline, TimelineEntry } from './case-timeline.service';
import type { Case } from './case.entity';
import { CaseAction, decide, Decision, REFERRAL_AGENCIES } from './case-workflow';
import { CaseChanges as CaseColumns, CaseWorkflowRepository } from './case-workflow.repository';
import type { CaseActionDto } from './dto/case-action.dto';

/** What an action changes on the case row and adds to its timeline line, beyond the status. */
interface Effect {
  changes: Omit<CaseColumns, 'status'>;
  event: Pick<TimelineEntry, 'departmentId' | 'assigneeId' | 'expectedAt' | 'agency' | 'relatedCaseId' | 'outcome'>;
  /** Rows that point at other cases or departments, written after the case's own change. */
  after?: (tx: Tx) => Promise<void>;
}

@Injectable()
export class CaseActionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccessService,
    private readonly workflow: CaseWorkflowRepository,
    private readonly timeline: CaseTimeline,
    private readonly details: CaseDetailsService,
    private readonly clock: Clock,
  ) {}

  /**
   * One action on one case, serialised with any other action on it by the
   * row lock, and written with its timeline event (and whatever the
   * subscribers add: notices, facts, timers) in one transaction.
   */
  async perform(user: StaffUser, caseId: string, input: CaseActionDto): Promise<CaseDetail> {
    const now = this.clock.now();
    const inputErrors = checkActionInputs(input, now);
    if (inputErrors.length) throw DomainError.validation(inputErrors);

    await this.transactions.run(async (tx) => {
      if (input.action === 'merge' && input.targetCaseId) {
        // Visible first (a 404 must not depend on lock order), then both locked in id order.
        await this.access.findVisible(user, caseId, tx.manager);
        await this.workflow.lockInOrder(tx.manager, [caseId, input.targetCaseId]);
      }
      const c = await this.access.findVisible(user, caseId, tx.manager, true);
      const sharedOnly = isSharedOnly(user, c.departmentId);
      const decision = decide(
        input.action,
        { role: user.role, sharedOnly },
        { kind: c.kind, status: c.status, hasDepartment: c.departmentId !== null, closedAt: c.closedAt, now, outcome: input.outcome },
      );
      if (!decision.ok) throw refusal(input.action, c, decision);

      const effect = await this.effectOf(tx, user, c, input, now);
      const columns: CaseColumns = { status: decision.to, ...effect.changes };
      await this.workflow.apply(tx.manager, c.id, columns);
      await this.timeline.record(
        tx,
        c.id,
        {
          action: input.action,
          fromStatus: c.status,
          toStatus: decision.to,
          public: decision.public,
          message: input.message ?? null,
          actor: { id: user.id, role: user.role },
          ...effect.event,
        },
        snapshotAfter(c, columns),
      );
      await effect.after?.(tx);
    });
    return this.details.get(user, caseId);
  }

  private async effectOf(tx: Tx, user: StaffUser, c: Case, input: CaseActionDto, now: Date): Promise<Effect> {
    const none: Effect = { changes: {}, event: {} };
    const m = tx.manager;
    switch (input.action) {
      case 'assign':
        return this.assignment(tx, user, input);
      case 'share': {
        const departmentId = input.departmentId as string;
        if (departmentId === c.departmentId) {
          throw DomainError.field('departmentId', 'ownDepartment', 'The case already belongs to this department');
        }
        if (!(await this.workflow.isActiveDepartment(m, departmentId))) throw unknownDepartment();
        return {
          changes: {},
          event: { departmentId },
          after: async () => {
            await this.workflow.share(m, c.id, departmentId, user.id);
          },
        };
      }
      case 'explain': {
        const expectedAt = new Date(input.expectedAt as string);
        return { changes: { expectedAt, explainedAt: now }, event: { expectedAt } };
      }
      case 'resolve':
        return { ...none, changes: { resolvedAt: now } };
      case 'close':
        return { ...none, changes: { closedAt: now } };
      case 'reopen':
        return { ...none, changes: { closedAt: null, resolvedAt: null } };
      case 'refer':
        return { changes: { referredTo: input.agency as string }, event: { agency: input.agency as string } };
      case 'merge':
        return this.merge(tx, user, c, input.targetCaseId as string);
      case 'conclude': {
        const outcome = input.outcome as NonNullable<CaseActionDto['outcome']>;
        const agency = REFERRAL_AGENCIES[outcome];
        return agency
          ? { changes: { referredTo: agency }, event: { outcome, agency } }
          : { changes: { resolvedAt: now }, event: { outcome } };
      }
      default:
        return none;
    }
  }

  private async merge(tx: Tx, user: StaffUser, c: Case, targetId: string): Promise<Effect> {
    if (targetId === c.id) throw DomainError.field('targetCaseId', 'self', 'A case cannot be merged into itself');
    const target = await this.access.findVisible(user, targetId, tx.manager).catch(() => {
      throw DomainError.field('targetCaseId', 'notFound', 'targetCaseId is not a case you can see');
    });
    if (target.kind !== c.kind) throw DomainError.field('targetCaseId', 'otherKind', 'Cases of different kinds cannot be merged');
    if (target.status === 'merged') {
      throw DomainError.field('targetCaseId', 'merged', 'The target was itself merged; merge into the case it points to');
    }
    return {
      changes: { mergedIntoId: target.id },
      event: { relatedCaseId: target.id },
      after: async () => {
        await this.timeline.record(tx, target.id, {
          action: 'merged_in',
          fromStatus: target.status,
          toStatus: target.status,
          public: false,
          message: `${c.referenceNo} merged into this case`,
          actor: { id: user.id, role: user.role },
          relatedCaseId: c.id,
        });
      },
    };
  }

  private async assignment(tx: Tx, user: StaffUser, input: CaseActionDto): Promise<Effect> {
    // A head routes within their own department; the centre routes anywhere.
    const departmentId = input.departmentId ?? (user.role === 'head' ? user.departmentId : undefined);
    if (!departmentId) throw DomainError.field('departmentId', 'required', 'departmentId is required to assign');
    if (user.role === 'head' && departmentId !== user.departmentId) {
      throw DomainError.field('departmentId', 'otherDepartment', 'A head assigns within their own department');
    }
    if (!(await this.workflow.isActiveDepartment(tx.manager, departmentId))) throw unknownDepartment();
    const assigneeId = input.assigneeId ?? null;
    if (assigneeId && !(await this.workflow.isAssignable(tx.manager, assigneeId, departmentId))) {
      throw DomainError.field('assigneeId', 'notAssignable', 'assigneeId is not an active officer or head of that department');
    }
    return {
      changes: { departmentId, assigneeId },
      event: { departmentId, ...(assigneeId ? { assigneeId } : {}) },
    };
  }
}

function snapshotAfter(c: Case, columns: CaseColumns): CaseSnapshot {
  const pick = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);
  return {
    id: c.id,
    kind: c.kind,
    channel: c.channel,
    status: columns.status,
    referenceNo: c.referenceNo,
    receivedAt: c.receivedAt,
    dueAt: c.dueAt,
    departmentId: pick(columns.departmentId, c.departmentId),
    assigneeId: pick(columns.assigneeId, c.assigneeId),
    categoryId: c.categoryId,
    complainantId: c.complainantId,
    locale: c.locale,
    expectedAt: pick(columns.expectedAt, c.expectedAt),
    mergedIntoId: pick(columns.mergedIntoId, c.mergedIntoId),
  };
}

function refusal(action: CaseAction, c: Case, decision: Exclude<Decision, { ok: true }>): DomainError {
  const extra = { allowedActions: decision.allowed };
  switch (decision.reason) {
    case 'role':
      return new DomainError(ErrorCode.Forbidden, `Your role may not ${action} this case`, undefined, extra);
    case 'kind':
      return new DomainError(
        ErrorCode.Conflict,
        c.kind === 'corruption'
          ? `Cannot ${action} a corruption case: it stays with the integrity officer and is never routed to departments`
          : `${action} applies to corruption cases only`,
        undefined,
        extra,
      );
    case 'reopen_window':
      return new DomainError(ErrorCode.Conflict, 'A case can be reopened only within 30 days of closing', undefined, extra);
    case 'status':
      return new DomainError(ErrorCode.Conflict, `Cannot ${action} a case that is ${c.status}`, undefined, extra);
  }
}

function unknownDepartment(): DomainError {
  return DomainError.field('departmentId', 'notFound', 'departmentId is not an active department');
}
