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
    const found = await this.cases.resolveMerged(filed);
    const events = await this.cases.findPublicEvents(found.id);
    return {
      referenceNo: found.referenceNo,
      kind: found.kind,
      status: found.status,
      receivedAt: found.receivedAt,
      dueAt: found.dueAt,
      overdue: isOverdue(found.status, found.dueAt, now),
      timeline: events.map(({ toStatus, ...e }) => ({ ...e, status: toStatus })),
    };
  }
}
