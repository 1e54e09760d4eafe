import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/time/clock';
import type { StaffUser } from '../auth/staff-user';
import { isOverdue } from './case.types';
import { decodeCursor, encodeCursor } from '../../common/pagination/keyset-cursor';
import { resolveFilter, sortSpec } from './case-queue';
import { CaseQueueRepository } from './case-queue.repository';
import { caseScopeOf } from './case-scope';
import { CASE_STATUSES } from './case.types';
import { QUEUE_VIEWS, type CaseQueueQueryDto, type QueuePageDto, type QueueView } from './dto/case-queue.dto';

const DEFAULT_LIMIT = 25;

/** A tab's count; `atLeast` when a search matched more than it counts. */
export interface ViewCount {
  n: number;
  atLeast: boolean;
}

@Injectable()
export class CaseQueueService {
  constructor(
    private readonly queue: CaseQueueRepository,
    private readonly clock: Clock,
  ) {}

  /** A page of the queue with its per-status counts: the API's answer. */
  async page(user: StaffUser, query: CaseQueueQueryDto): Promise<QueuePageDto> {
    const now = this.clock.now();
    const [list, counts] = await Promise.all([
      this.listAt(user, query, now),
      this.queue.countByStatus(caseScopeOf(user), resolveFilter(query, user.id, now)),
    ]);
    return { ...list, counts: counts.byStatus, countsCapped: counts.capped };
  }

  /** A page of the queue without counts, for callers that count otherwise (the console's tabs) or not at all. */
  list(user: StaffUser, query: CaseQueueQueryDto): Promise<Pick<QueuePageDto, 'items' | 'nextCursor'>> {
    return this.listAt(user, query, this.clock.now());
  }

  private async listAt(user: StaffUser, query: CaseQueueQueryDto, now: Date): Promise<Pick<QueuePageDto, 'items' | 'nextCursor'>> {
    const filter = resolveFilter(query, user.id, now);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await this.queue.findPage(caseScopeOf(user), filter, sortSpec(query.sort), limit + 1, after);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(({ sortKey: _key, sort_value: _value, ...r }) => ({ ...r, overdue: isOverdue(r.status, r.dueAt, now) })) as QueuePageDto['items'],
      nextCursor: rows.length > limit && last ? encodeCursor({ value: last.sortKey, id: last.id }) : null,
    };
  }

  /**
   * How many cases each built-in view holds (and `all`, no view), under the
   * same other filters: the counts on the console's tabs.
   */
  async viewCounts(user: StaffUser, query: CaseQueueQueryDto): Promise<Record<QueueView | 'all', ViewCount>> {
    const now = this.clock.now();
    const scope = caseScopeOf(user);
    const views = ['all', ...QUEUE_VIEWS] as const;
    const totals = await Promise.all(
      views.map(async (view) => {
        const filter = resolveFilter({ ...query, view: view === 'all' ? undefined : view }, user.id, now);
        if (filter.subjectLike) return this.queue.countSearchTotal(scope, filter);
        const counts = await this.queue.countByStatus(scope, filter);
        let n = 0;
        for (const status of filter.status ?? CASE_STATUSES) n += counts.byStatus[status] ?? 0;
        return { n, atLeast: false };
      }),
    );
    return Object.fromEntries(views.map((view, i) => [view, totals[i]])) as Record<QueueView | 'all', ViewCount>;
  }
}
