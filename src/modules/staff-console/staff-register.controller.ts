import { Body, Controller, Get, Header, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Clock } from '../../common/time/clock';
import type { FormValues } from '../../views/form-fields';
import { answer, submitForm } from '../../views/form-flow';
import { localeFrom } from '../../views/page-context';
import { registeredPage, registerPage } from '../../views/pages/staff/register.page';
import { CurrentUser } from '../auth/staff.decorator';
import type { StaffRequest } from '../auth/staff-auth.guard';
import type { StaffUser } from '../auth/staff-user';
import { ActiveCategories } from '../categories/active-categories';
import { RegisterCaseDto, StaffRegistrationService } from '../cases';
import type { CaseKind } from '../cases';
import { bangkokInputValue, REGISTER_FIELDS, registrationFromForm } from './registration-form';
import { StaffPage } from './session/staff-page.decorator';
import { formLocale, StaffPages } from './staff-pages';

const HTML = 'text/html; charset=utf-8';
/** Each registering role enters the one kind of case it handles. */
const KIND_OF: Record<'center' | 'integrity', CaseKind> = { center: 'general', integrity: 'corruption' };
const kindOf = (user: StaffUser): CaseKind => KIND_OF[user.role as 'center' | 'integrity'];

/** /staff/cases/new: registering a complaint that came by phone, letter, in person or another channel. */
@ApiExcludeController()
@Controller('staff/cases/new')
export class StaffRegisterController {
  constructor(
    private readonly pages: StaffPages,
    private readonly registration: StaffRegistrationService,
    private readonly categories: ActiveCategories,
    private readonly clock: Clock,
  ) {}

  @Get()
  @StaffPage('center', 'integrity')
  @Header('Content-Type', HTML)
  async form(
    @Req() request: StaffRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: StaffUser,
    @Query('lang') lang?: string,
  ): Promise<string> {
    const ctx = await this.pages.context(request, reply, '/staff/cases/new', localeFrom(lang));
    const defaults = { channel: 'phone', receivedAt: bangkokInputValue(this.clock.now()) };
    return registerPage(ctx, await this.categories.list(kindOf(user)), defaults);
  }

  @Post()
  @StaffPage('center', 'integrity')
  @Header('Content-Type', HTML)
  async register(
    @Req() request: StaffRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: StaffUser,
    @Body() body: Record<string, unknown> | undefined,
  ): Promise<string> {
    const form = body ?? {};
    const ctx = await this.pages.context(request, reply, '/staff/cases/new', formLocale(form));
    const categories = await this.categories.list(kindOf(user));
    const values: FormValues = Object.fromEntries(REGISTER_FIELDS.map((f) => [f, typeof form[f] === 'string' ? (form[f] as string) : undefined]));
    const outcome = await submitForm({
      dto: RegisterCaseDto,
      plain: registrationFromForm(form, kindOf(user)),
      locale: ctx.locale,
      act: (dto) => this.registration.register(user, dto),
      doneStatus: 201,
      done: (r) => registeredPage(ctx, { ...r, dueAt: new Date(r.dueAt) }),
      again: (errors) => registerPage(ctx, categories, values, errors),
    });
    return answer(reply, outcome);
  }
}
