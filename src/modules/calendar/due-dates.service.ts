import { Injectable } from '@nestjs/common';
import { dueAtFor } from '../../common/time/thai-calendar';

/**
 * The response deadline of a case received at a given instant: seed 004's
 * 15 days, counted as the administrator's setting says.
 */
@Injectable()
export class DueDates {
  async dueAt(receivedAt: Date): Promise<Date> {
    return dueAtFor(receivedAt);
  }
}
