import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../../common/errors/domain-error';
import { Clock } from '../../../common/time/clock';
import { Transactions, Tx } from '../../../database/transactions';
import { AuditService } from '../../audit/audit.service';
import type { StaffUser } from '../../auth/staff-user';
import { CaseAccessService, isUuid } from '../../cases';
import { SettingsService } from '../../settings/settings.service';
import { IdentityVault } from '../vault/identity-vault.service';
import type { PendingApprovalDto, RevealedIdentityDto, RevealRequestDto } from './reveal.dto';
import { RevealRequestRow, RevealRequestsRepository } from './reveal-requests.repository';

/** An approval is good for one reveal, within a day; after that the officer asks again. */
export const APPROVAL_VALID_MS = 24 * 3600 * 1000;
const PENDING_LIST_LIMIT = 200;

export type RevealOutcome = { revealed: RevealedIdentityDto } | { pending: PendingApprovalDto };

/**
 * Who a whistleblower is, for an integrity officer who records why. The
 * reveal and its audit entry are one transaction: a reveal without its
 * record cannot happen. With `identity.revealNeedsApproval`, the first ask
 * files a request; a custodian — another integrity officer, or an
 * administrator, never the one who asks — approves or refuses it (without
 * seeing the identity); the approved officer's next ask reveals, once.
 */
@Injectable()
export class IdentityRevealService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccessService,
    private readonly vault: IdentityVault,
    private readonly requests: RevealRequestsRepository,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async reveal(user: StaffUser, caseId: string, reason: string): Promise<RevealOutcome> {
    const needsApproval = (await this.settings.get('identity')).revealNeedsApproval;
    return this.transactions.run(async (tx) => {
      const c = await this.access.findVisible(user, caseId, tx.manager);
      if (c.kind !== 'corruption') throw DomainError.notFound('Case');
      const now = this.clock.now();
      const open = await this.requests.findOpen(tx.manager, c.id, user.id);
      const approved = open?.status === 'approved' && open.decidedAt && now.getTime() - open.decidedAt.getTime() <= APPROVAL_VALID_MS;
      if (open && open.status === 'approved' && !approved) await this.requests.close(tx.manager, open.id, 'refused', now);

      if (needsApproval && !approved) {
        if (open?.status === 'pending') return { pending: { pendingApproval: true, requestId: open.id } };
        await this.assertHasIdentity(c.id, tx);
        const requestId = await this.requests.insert(tx.manager, c.id, user.id, reason, now);
        await this.audit.record({ action: 'identity_reveal_requested', actor: actorOf(user), caseId: c.id, reason, details: { requestId } }, tx);
        return { pending: { pendingApproval: true, requestId } };
      }
      const identity = await this.assertHasIdentity(c.id, tx);
      if (approved && open) await this.requests.close(tx.manager, open.id, 'used', now);
      await this.audit.record(
        {
          action: 'identity_reveal',
          actor: actorOf(user),
          caseId: c.id,
          reason,
          ...(approved && open ? { details: { requestId: open.id, approvedBy: open.decidedBy } } : {}),
        },
        tx,
      );
      return { revealed: identity };
    });
  }

  async decide(user: StaffUser, requestId: string, decision: 'approved' | 'refused', reason: string | undefined): Promise<RevealRequestDto> {
    if (decision === 'refused' && !reason) throw DomainError.field('reason', 'required', 'reason is required to refuse');
    if (!isUuid(requestId)) throw DomainError.notFound('Reveal request');
    return this.transactions.run(async (tx) => {
      const request = await this.requests.findForDecision(tx.manager, requestId);
      if (!request) throw DomainError.notFound('Reveal request');
      if (request.requestedBy === user.id) {
        throw new DomainError(ErrorCode.Forbidden, 'A second person approves a reveal: not the officer who asked for it');
      }
      if (request.status !== 'pending') throw new DomainError(ErrorCode.Conflict, `The request is already ${request.status}`);
      const now = this.clock.now();
      await this.requests.decide(tx.manager, request.id, decision, user.id, now, reason ?? null);
      await this.audit.record(
        {
          action: decision === 'approved' ? 'identity_reveal_approved' : 'identity_reveal_refused',
          actor: actorOf(user),
          caseId: request.caseId,
          ...(reason ? { reason } : {}),
          details: { requestId: request.id, requestedBy: request.requestedBy },
        },
        tx,
      );
      return toDto({ ...request, status: decision });
    });
  }

  async pending(): Promise<RevealRequestDto[]> {
    return (await this.requests.pending(PENDING_LIST_LIMIT)).map(toDto);
  }

  private async assertHasIdentity(caseId: string, tx: Tx): Promise<RevealedIdentityDto> {
    const identity = await this.vault.open(caseId, tx);
    if (!identity) throw new DomainError(ErrorCode.NotFound, 'The reporter gave no identity: there is nothing to reveal');
    return identity;
  }
}

function actorOf(user: StaffUser) {
  return { id: user.id, role: user.role };
}

function toDto(r: RevealRequestRow): RevealRequestDto {
  return {
    id: r.id,
    caseId: r.caseId,
    requestedBy: { id: r.requestedBy, name: r.requesterName },
    reason: r.reason,
    requestedAt: r.requestedAt,
    status: r.status,
  };
}
