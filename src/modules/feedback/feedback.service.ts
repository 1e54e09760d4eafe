import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { Transactions } from '../../database/transactions';
import { requireTrackingCode } from '../cases';
import type { FeedbackDto, FeedbackGivenDto } from './dto/feedback.dto';
import { FeedbackRepository } from './feedback.repository';

/** What the tracking page offers: the form once the case is closed, the rating once given. */
export type FeedbackState = { given: FeedbackGivenDto } | { canRate: true } | { canRate: false };

/** The complainant's satisfaction rating (seed 004: target at least 80 % satisfied): once, after closing. */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly transactions: Transactions,
    private readonly feedback: FeedbackRepository,
    private readonly clock: Clock,
  ) {}

  async state(rawCode: string): Promise<FeedbackState> {
    const c = await this.feedback.findByTrackingCode(requireTrackingCode(rawCode));
    if (!c) throw DomainError.notFound('Complaint');
    if (c.feedback) return { given: c.feedback };
    return { canRate: c.status === 'closed' };
  }

  async rate(rawCode: string, dto: FeedbackDto): Promise<FeedbackGivenDto> {
    const code = requireTrackingCode(rawCode);
    return this.transactions.run(async (tx) => {
      // Locked: a reopening in flight finishes first, and two ratings at once cannot both pass the check.
      const c = await this.feedback.findByTrackingCode(code, tx.manager, true);
      if (!c) throw DomainError.notFound('Complaint');
      if (c.feedback) throw new DomainError(ErrorCode.Conflict, 'This complaint has already been rated');
      if (c.status !== 'closed') throw new DomainError(ErrorCode.Conflict, 'A complaint can be rated once it is closed');
      const createdAt = this.clock.now();
      const comment = dto.comment ?? null;
      await this.feedback.insert(tx.manager, c.id, dto.rating, comment, createdAt);
      return { rating: dto.rating, comment, createdAt };
    });
  }
}
