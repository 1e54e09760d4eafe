import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/time/clock';
import { DomainError } from '../../common/errors/domain-error';
import { CaseKind, CaseStatus, isOverdue } from './case.types';
import { CasesRepository } from './cases.repository';
import { requireTrackingCode } from './tracking-code';

export interface PublicCaseView {
  referenceNo: string;
  kind: CaseKind;
  status: CaseStatus;
  receivedAt: Date;
  dueAt: Date;
  overdue: boolean;
  timeline: Array<{
    at: Date;
    action: string;
    status: CaseStatus | null;
    message: string | null;
    expectedAt: Date | null;
    agency: string | null;
    department: { name: string; nameEn: string } | null;
  }>;
  /** A duplicate that was merged: the case it joined, by number and status only (never its messages). */
  mergedInto?: { referenceNo: string; status: CaseStatus };
}

/** What a complainant sees with their tracking code: public events only, no names of staff. */
@Injectable()
export class CaseTrackingService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly clock: Clock,
  ) {}

  async track(rawCode: string): Promise<PublicCaseView> {
    const now = this.clock.now();
    const code = requireTrackingCode(rawCode);
    const filed = await this.cases.findByTrackingCode(code);
    if (!filed) throw DomainError.notFound('Complaint');
    // A merged duplicate keeps its own timeline: the case it joined was written to someone else.
    const events = await this.cases.findPublicEvents(filed.id);
    const surviving = filed.mergedIntoId ? await this.cases.resolveMerged(filed) : null;
    return {
      referenceNo: filed.referenceNo,
      kind: filed.kind,
      status: filed.status,
      receivedAt: filed.receivedAt,
      dueAt: filed.dueAt,
      overdue: isOverdue(filed.status, filed.dueAt, now),
      timeline: events.map(({ toStatus, ...e }) => ({ ...e, status: toStatus })),
      ...(surviving && surviving.id !== filed.id ? { mergedInto: { referenceNo: surviving.referenceNo, status: surviving.status } } : {}),
    };
  }
}
