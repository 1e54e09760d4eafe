import { Body, Controller, Get, Header, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { fill } from '../../common/i18n/i18n';
import { answer, submitForm } from '../../views/form-flow';
import { href } from '../../views/layout';
import { localeFrom } from '../../views/page-context';
import { casePage } from '../../views/pages/staff/case.page';
import { staffMessages } from '../../views/pages/staff/staff.messages';
import { downloadOf, MAY_DOWNLOAD } from '../attachments/attachment-download';
import { AttachmentsService } from '../attachments/attachments.service';
import { CurrentUser } from '../auth/staff.decorator';
import type { StaffRequest } from '../auth/staff-auth.guard';
import type { StaffUser } from '../auth/staff-user';
import { CASE_ACTIONS, CaseActionDto } from '../cases';
import type { CaseAction } from '../cases';
import { RevealDto } from '../whistleblower/reveal/reveal.dto';
import { StaffPage } from './session/staff-page.decorator';
import { StaffCaseService } from './staff-case.service';
import { formLocale, StaffPages } from './staff-pages';

const HTML = 'text/html; charset=utf-8';
const CASE_ROLES = ['center', 'officer', 'head', 'integrity', 'executive'] as const;
const ACTING_ROLES = ['center', 'officer', 'head', 'integrity'] as const;

const isAction = (value: unknown): value is CaseAction => (CASE_ACTIONS as readonly unknown[]).includes(value);

/** /staff/cases/:id: one case, and a form for each action allowed now, posted back to the same address. */
@ApiExcludeController()
@Controller('staff/cases/:id')
export class StaffCaseController {
  constructor(
    private readonly pages: StaffPages,
    private readonly cases: StaffCaseService,
    private readonly attachments: AttachmentsService,
  ) {}

  @Get()
  @StaffPage(...CASE_ROLES)
  @Header('Content-Type', HTML)
  async show(
    @Req() request: StaffRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: StaffUser,
    @Param('id') id: string,
    @Query('lang') lang?: string,
    @Query('done') done?: string,
  ): Promise<string> {
    const data = await this.cases.view(user, id);
    const ctx = await this.pages.context(request, reply, `/staff/cases/${id}`, localeFrom(lang));
    const sm = staffMessages(ctx.locale);
    const notice = isAction(done) ? { text: fill(sm.case.done, { action: sm.actions[done] }), kind: 'ok' as const } : undefined;
    return casePage(ctx, { ...data, notice });
  }

  @Post()
  @StaffPage(...ACTING_ROLES)
  @Header('Content-Type', HTML)
  async act(
    @Req() request: StaffRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: StaffUser,
    @Param('id') id: string,
    @Body() body: Record<string, unknown> | undefined,
  ): Promise<string> {
    const form = body ?? {};
    const data = await this.cases.view(user, id);
    const ctx = await this.pages.context(request, reply, `/staff/cases/${id}`, formLocale(form));
    const action = isAction(form.action) ? form.action : undefined;
    const values = this.cases.values(form);
    const previewing = form.preview === '1';
    try {
      const outcome = await submitForm({
        dto: CaseActionDto,
        plain: await this.cases.actionInput(user, form),
        locale: ctx.locale,
        act: async (dto) => (previewing ? this.cases.preview(data.detail, dto, data.departments) : (await this.cases.act(user, id, dto), null)),
        done: (preview) =>
          preview
            ? casePage(ctx, { ...data, form: { action: preview.action, values, errors: {}, preview } })
            : { redirect: href(ctx, `/staff/cases/${id}`, { done: String(action) }) },
        again: (errors) => casePage(ctx, { ...data, form: action ? { action, values, errors } : undefined }),
      });
      return answer(reply, outcome);
    } catch (err) {
      // Someone acted first, or the form was out of date: the page as it is now, and why nothing was done.
      if (!(err instanceof DomainError) || err.code !== ErrorCode.Conflict) throw err;
      reply.status(409);
      const fresh = await this.cases.view(user, id);
      return casePage(ctx, { ...fresh, notice: { text: staffMessages(ctx.locale).case.conflict, kind: 'warning' } });
    }
  }

  /** The reveal-with-reason form of a corruption case: the identity on this one answer only (never stored by the browser). */
  @Post('reveal')
  @StaffPage('integrity')
  @Header('Content-Type', HTML)
  async reveal(
    @Req() request: StaffRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: StaffUser,
    @Param('id') id: string,
    @Body() body: Record<string, unknown> | undefined,
  ): Promise<string> {
    const form = body ?? {};
    const data = await this.cases.view(user, id);
    const ctx = await this.pages.context(request, reply, `/staff/cases/${id}`, formLocale(form));
    const w = staffMessages(ctx.locale).whistle;
    const reason = typeof form.reason === 'string' ? form.reason : undefined;
    try {
      const outcome = await submitForm({
        dto: RevealDto,
        plain: { reason: reason?.trim() || undefined },
        locale: ctx.locale,
        act: (dto) => this.cases.reveal(user, id, dto.reason),
        done: (o) =>
          'revealed' in o
            ? casePage(ctx, { ...data, reveal: { revealed: o.revealed } })
            : casePage(ctx, { ...data, reveal: { reason }, notice: { text: w.pending, kind: 'warning' } }),
        again: (errors) => casePage(ctx, { ...data, reveal: { reason, error: errors.reason } }),
      });
      return answer(reply, outcome);
    } catch (err) {
      // The case is visible (the page loaded): a 404 here means the reporter gave no identity.
      if (!(err instanceof DomainError) || err.code !== ErrorCode.NotFound) throw err;
      reply.status(404);
      return casePage(ctx, { ...data, notice: { text: w.noIdentity, kind: 'warning' } });
    }
  }

  @Get('attachments/:attachmentId')
  @StaffPage(...MAY_DOWNLOAD)
  async download(
    @CurrentUser() user: StaffUser,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return downloadOf(reply, await this.attachments.openForStaff(user, id, attachmentId));
  }
}
