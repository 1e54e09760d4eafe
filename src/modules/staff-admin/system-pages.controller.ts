import { Body, Controller, Get, Header, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { messagesFor } from '../../common/i18n/i18n';
import { validateInput } from '../../common/validation/field-errors';
import { formErrors, FormValues } from '../../views/form-fields';
import { answer, submitForm } from '../../views/form-flow';
import { localeFrom } from '../../views/page-context';
import { formValuesOf } from '../../views/staff/admin/admin-fields';
import { adminMessages } from '../../views/staff/admin/admin.messages';
import { AUDIT_FILTERS, auditPage, AUDIT_PATH, auditQueryFrom } from '../../views/staff/admin/audit.page';
import { holidaysPage, HOLIDAYS_PATH } from '../../views/staff/admin/holidays.page';
import { USERS_PATH } from '../../views/staff/admin/users.page';
import { href } from '../../views/layout';
import { notificationsPage, NOTIFICATIONS_PATH } from '../../views/staff/admin/notifications.page';
import { settingsFromForm, settingsPage, SETTINGS_PATH, settingsValues } from '../../views/staff/admin/settings.page';
import { AuditService } from '../audit/audit.service';
import { AuditQueryDto } from '../audit/dto/audit.dto';
import type { StaffRequest } from '../auth/staff-auth.guard';
import { CurrentUser } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { CreateHolidayDto } from '../calendar/dto/holiday.dto';
import { HolidaysService } from '../calendar/holidays.service';
import { bangkokIsoDate } from '../calendar/working-days';
import { FailedNotificationsService } from '../notifications/failed-notifications.service';
import { UpdateSettingsDto } from '../settings/dto/settings.dto';
import { SettingsService } from '../settings/settings.service';
import { LOGO_FIELD, LOGO_MAX_BYTES, SiteLogoService } from '../settings/site-logo.service';
import { Clock } from '../../common/time/clock';
import { UsersService } from '../users/users.service';
import { formLocale } from '../staff-console/staff-pages';
import { StaffPage } from '../staff-console/session/staff-page.decorator';
import { AdminPageKit, conflictAsField, doneUrl, HTML, redirectAfter, text } from './admin-page-kit';

type Form = Record<string, unknown>;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Years offered on the holidays page around this one (CE). */
const YEARS_BACK = 1;
const YEARS_AHEAD = 2;

/** Holidays, settings and the logo, the audit log, failed emails: every change through its module's service, which audits it. */
@ApiExcludeController()
@Controller('staff/admin')
@StaffPage('admin')
export class SystemPagesController {
  constructor(
    private readonly kit: AdminPageKit,
    private readonly holidays: HolidaysService,
    private readonly settings: SettingsService,
    private readonly logos: SiteLogoService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly failed: FailedNotificationsService,
    private readonly clock: Clock,
  ) {}

  /** The administration's own address leads to its first page. */
  @Get()
  index(@Res({ passthrough: true }) reply: FastifyReply, @Query('lang') lang?: string): string {
    reply.redirect(href({ locale: localeFrom(lang) }, USERS_PATH), 303);
    return '';
  }

  @Get('holidays')
  @Header('Content-Type', HTML)
  async holidayList(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query('year') year?: string, @Query('lang') lang?: string, @Query('done') done?: string) {
    const { shown, years } = this.years(year);
    const page = await this.kit.page(req, reply, HOLIDAYS_PATH, localeFrom(lang), { year: String(shown) });
    const h = adminMessages(page.form.locale).holidays;
    return page.render(holidaysPage(page.form, shown, years, await this.holidays.ofYear(shown), { done: done === 'added' ? h.added : done === 'removed' ? h.removed : undefined }));
  }

  @Post('holidays')
  @Header('Content-Type', HTML)
  async addHoliday(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Body() form: Form = {}) {
    const locale = formLocale(form);
    const date = text(form, 'date') ?? '';
    const { shown, years } = this.years(date.slice(0, 4));
    const page = await this.kit.page(req, reply, HOLIDAYS_PATH, locale);
    const outcome = await submitForm({
      dto: CreateHolidayDto,
      plain: { date, nameTh: text(form, 'nameTh'), nameEn: text(form, 'nameEn') },
      locale,
      act: (dto) => conflictAsField('date', () => this.holidays.add(me, dto)),
      done: (h) => ({ redirect: doneUrl(HOLIDAYS_PATH, locale, 'added', { year: h.date.slice(0, 4) }) }),
      again: async (errors) => page.render(holidaysPage(page.form, shown, years, await this.holidays.ofYear(shown), { values: formValuesOf(form), errors })),
    });
    return answer(reply, outcome);
  }

  @Post('holidays/:date/remove')
  async removeHoliday(@Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Param('date') date: string, @Body() form: Form = {}) {
    if (!ISO_DAY.test(date)) throw DomainError.notFound('Added holiday');
    await this.holidays.remove(me, date);
    reply.redirect(doneUrl(HOLIDAYS_PATH, formLocale(form), 'removed', { year: date.slice(0, 4) }), 303);
    return '';
  }

  @Get('settings')
  @Header('Content-Type', HTML)
  async settingsForm(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query('lang') lang?: string, @Query('done') done?: string) {
    const page = await this.kit.page(req, reply, SETTINGS_PATH, localeFrom(lang));
    const s = adminMessages(page.form.locale);
    const notices: Record<string, string> = { saved: s.saved, logo: s.settings.logoSaved, logoRemoved: s.settings.logoRemoved };
    return page.render(
      settingsPage(page.form, page.roles, settingsValues(await this.settings.all()), { done: done ? notices[done] : undefined, logo: { src: await this.logos.url() } }),
    );
  }

  @Post('settings')
  @Header('Content-Type', HTML)
  async saveSettings(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Body() form: Form = {}) {
    const locale = formLocale(form);
    const page = await this.kit.page(req, reply, SETTINGS_PATH, locale);
    const outcome = await submitForm({
      dto: UpdateSettingsDto,
      plain: settingsFromForm(form),
      locale,
      act: (dto) => this.settings.update(me, dto),
      done: () => ({ redirect: doneUrl(SETTINGS_PATH, locale, 'saved') }),
      again: async (errors) => page.render(settingsPage(page.form, page.roles, formValuesOf(form), { errors, logo: { src: await this.logos.url() } })),
    });
    return answer(reply, outcome);
  }

  /** Multipart (a file): its CSRF token comes in the address, checked before the body is read. */
  @Post('settings/logo')
  @Header('Content-Type', HTML)
  async uploadLogo(@Req() req: StaffRequest & FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser) {
    const { lang, file } = await readLogoForm(req);
    const locale = localeFrom(lang);
    try {
      await this.logos.save(me, file);
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== ErrorCode.ValidationFailed) throw err;
      const page = await this.kit.page(req, reply, SETTINGS_PATH, locale);
      const error = formErrors(err.details ?? [], locale)[LOGO_FIELD] ?? messagesFor(locale).errors.fallback;
      reply.status(HttpStatus.BAD_REQUEST);
      return page.render(settingsPage(page.form, page.roles, settingsValues(await this.settings.all()), { logo: { src: await this.logos.url(), error } }));
    }
    return redirectAfter(reply, SETTINGS_PATH, locale, 'logo');
  }

  @Post('settings/logo/remove')
  async removeLogo(@Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Body() form: Form = {}) {
    await this.logos.remove(me);
    return redirectAfter(reply, SETTINGS_PATH, formLocale(form), 'logoRemoved');
  }

  @Get('audit')
  @Header('Content-Type', HTML)
  async auditLog(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query() query: Record<string, unknown> = {}) {
    const filters: FormValues = Object.fromEntries(
      [...AUDIT_FILTERS, 'cursor'].flatMap((f) => (typeof query[f] === 'string' && query[f] ? [[f, query[f] as string]] : [])),
    );
    const locale = localeFrom(query.lang);
    const page = await this.kit.page(req, reply, AUDIT_PATH, locale, Object.fromEntries(Object.entries(filters).filter(([k]) => k !== 'cursor')) as Record<string, string>);
    const people = await this.users.list({});
    const names = new Map(people.map((p) => [p.id, p.displayName]));
    const input = await validateInput(AuditQueryDto, auditQueryFrom(filters));
    if (!input.value) {
      reply.status(HttpStatus.BAD_REQUEST);
      return page.render(auditPage(page.form, { items: [], nextCursor: null, names, people }, filters, { errors: formErrors(input.errors, locale) }));
    }
    const q = input.value;
    const result = await this.audit.page(
      { action: q.action, actorId: q.actorId, caseId: q.caseId, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined },
      undefined,
      q.cursor,
    );
    return page.render(auditPage(page.form, { ...result, names, people }, filters, { paged: Boolean(q.cursor) }));
  }

  @Get('notifications')
  @Header('Content-Type', HTML)
  async failedList(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query('cursor') cursor?: string, @Query('lang') lang?: string, @Query('done') done?: string) {
    const page = await this.kit.page(req, reply, NOTIFICATIONS_PATH, localeFrom(lang));
    const list = await this.failed.page(undefined, cursor || undefined);
    return page.render(notificationsPage(page.form, list, { done: done === 'retried' ? adminMessages(page.form.locale).notifications.retried : undefined, paged: Boolean(cursor) }));
  }

  @Post('notifications/:id/retry')
  async retry(@Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Param('id') id: string, @Body() form: Form = {}) {
    await this.failed.retry(me, id);
    return redirectAfter(reply, NOTIFICATIONS_PATH, formLocale(form), 'retried');
  }

  /** The year asked for when it is one of those offered, else this year (Bangkok). */
  private years(asked?: string): { shown: number; years: number[] } {
    const current = Number(bangkokIsoDate(this.clock.now()).slice(0, 4));
    const years = Array.from({ length: YEARS_BACK + YEARS_AHEAD + 1 }, (_, i) => current - YEARS_BACK + i);
    const n = Number(asked);
    return { shown: years.includes(n) ? n : current, years };
  }
}

/** The logo form: its language and at most one file, cut one byte past the limit so that the service sees it is too large. */
async function readLogoForm(request: FastifyRequest): Promise<{ lang?: string; file: Buffer }> {
  if (!request.isMultipart()) throw DomainError.field(LOGO_FIELD, 'fileRequired', 'Send the logo as multipart/form-data');
  let lang: string | undefined;
  let file = Buffer.alloc(0);
  const limits = { files: 1, fields: 5, fileSize: LOGO_MAX_BYTES + 1 };
  for await (const part of request.parts({ limits, throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0])) {
    if (part.type === 'file') {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file as Readable) chunks.push(chunk as Buffer);
      if (part.fieldname === LOGO_FIELD) file = part.file.truncated ? Buffer.alloc(LOGO_MAX_BYTES + 1) : Buffer.concat(chunks);
    } else if (part.fieldname === 'lang') {
      lang = String(part.value);
    }
  }
  return { lang, file };
}
