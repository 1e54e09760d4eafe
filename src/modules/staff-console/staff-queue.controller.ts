import { Controller, Get, Header, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Clock } from '../../common/time/clock';
import { validateInput, validationFailed } from '../../common/validation/field-errors';
import { localeFrom } from '../../views/page-context';
import { QueueFilters, queuePage } from '../../views/pages/staff/queue.page';
import { CurrentUser } from '../auth/staff.decorator';
import type { StaffRequest } from '../auth/staff-auth.guard';
import type { StaffUser } from '../auth/staff-user';
import { CaseQueueQueryDto, CaseQueueService } from '../cases';
import { DepartmentsService } from '../departments/departments.service';
import { StaffPage } from './session/staff-page.decorator';
import { StaffPages } from './staff-pages';

const QUEUE_ROLES = ['center', 'officer', 'head', 'integrity', 'executive'] as const;
const FILTER_KEYS = ['view', 'status', 'channel', 'departmentId', 'q', 'sort', 'limit', 'cursor'] as const;

/** /staff: the queue, with the API's views, filters, sort and keyset paging. */
@ApiExcludeController()
@Controller('staff')
export class StaffQueueController {
  constructor(
    private readonly pages: StaffPages,
    private readonly queue: CaseQueueService,
    private readonly departments: DepartmentsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @StaffPage(...QUEUE_ROLES)
  @Header('Content-Type', 'text/html; charset=utf-8')
  async list(
    @Req() request: StaffRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: StaffUser,
    @Query() raw: Record<string, unknown>,
  ): Promise<string> {
    const filters: QueueFilters = Object.fromEntries(
      FILTER_KEYS.filter((k) => typeof raw[k] === 'string' && raw[k] !== '').map((k) => [k, raw[k] as string]),
    );
    const query = await validateInput(CaseQueueQueryDto, filters);
    // A bad filter in a hand-edited address is the API's 400, as a page.
    if (!query.value) throw validationFailed(query.errors);
    const locale = localeFrom(raw.lang);
    const ctx = await this.pages.context(request, reply, '/staff', locale, { ...filters });
    const [page, viewCounts, departments] = await Promise.all([
      this.queue.list(user, query.value),
      this.queue.viewCounts(user, query.value),
      this.departments.list(user),
    ]);
    return queuePage(ctx, {
      filters,
      items: page.items,
      nextCursor: page.nextCursor,
      viewCounts,
      departments: departments.map((d) => ({ id: d.id, name: locale === 'en' ? d.nameEn : d.nameTh })),
      now: this.clock.now(),
    });
  }
}
