import { Body, Controller, Get, Header, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { localeFrom } from '../../views/page-context';
import { formValuesOf } from '../../views/staff/admin/admin-fields';
import { adminMessages } from '../../views/staff/admin/admin.messages';
import { userEditPage, usersPage, USERS_PATH } from '../../views/staff/admin/users.page';
import { answer, submitForm } from '../../views/form-flow';
import type { StaffRequest } from '../auth/staff-auth.guard';
import { CurrentUser } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { DepartmentsService } from '../departments/departments.service';
import { formLocale } from '../staff-console/staff-pages';
import { StaffPage } from '../staff-console/session/staff-page.decorator';
import { CreateUserDto, toUserDto, UpdateUserDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { AdminPageKit, conflictAsField, doneUrl, HTML, redirectAfter, requireId, text } from './admin-page-kit';

type Form = Record<string, unknown>;

/** An empty department select means none; an empty password on the edit form means "keep it". */
function userBody(form: Form, editing: boolean): Record<string, unknown> {
  const password = text(form, 'password');
  return {
    ...(editing ? {} : { email: text(form, 'email') }),
    displayName: text(form, 'displayName'),
    role: text(form, 'role'),
    departmentId: text(form, 'departmentId') || null,
    ...(editing && !password ? {} : { password }),
  };
}

/** Users: roles, department, a lost phone's second factor, deactivation; every change through UsersService (audited). */
@ApiExcludeController()
@Controller(USERS_PATH.slice(1))
@StaffPage('admin')
export class UsersPagesController {
  constructor(
    private readonly kit: AdminPageKit,
    private readonly users: UsersService,
    private readonly departments: DepartmentsService,
  ) {}

  @Get()
  @Header('Content-Type', HTML)
  async list(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Query('lang') lang?: string, @Query('done') done?: string) {
    const page = await this.kit.page(req, reply, USERS_PATH, localeFrom(lang));
    const m = adminMessages(page.form.locale);
    return page.render(usersPage(page.form, page.roles, await this.allUsers(), await this.departments.list(me, true), { done: done === 'created' ? m.users.created : undefined }));
  }

  @Post()
  @Header('Content-Type', HTML)
  async create(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Body() form: Form = {}) {
    const locale = formLocale(form);
    const page = await this.kit.page(req, reply, USERS_PATH, locale);
    const departments = await this.departments.list(me, true);
    const values = { ...formValuesOf(form), password: undefined };
    const outcome = await submitForm({
      dto: CreateUserDto,
      plain: userBody(form, false),
      locale,
      act: (dto) => conflictAsField('email', () => this.users.create(me, dto)),
      done: () => ({ redirect: doneUrl(USERS_PATH, locale, 'created') }),
      again: async (errors) => page.render(usersPage(page.form, page.roles, await this.allUsers(), departments, { values, errors })),
    });
    return answer(reply, outcome);
  }

  @Get(':id')
  @Header('Content-Type', HTML)
  async edit(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Param('id') id: string, @Query('lang') lang?: string, @Query('done') done?: string) {
    const user = await this.find(id);
    const page = await this.kit.page(req, reply, `${USERS_PATH}/${user.id}`, localeFrom(lang));
    const m = adminMessages(page.form.locale).users;
    const notices: Record<string, string> = { saved: adminMessages(page.form.locale).saved, otp: m.otpResetDone, deactivated: m.deactivated, reactivated: m.reactivated };
    return page.render(userEditPage(page.form, page.roles, user, await this.departments.list(me, true), { done: done ? notices[done] : undefined }));
  }

  @Post(':id')
  @Header('Content-Type', HTML)
  async update(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Param('id') id: string, @Body() form: Form = {}) {
    const user = await this.find(id);
    const locale = formLocale(form);
    const path = `${USERS_PATH}/${user.id}`;
    const page = await this.kit.page(req, reply, path, locale);
    const departments = await this.departments.list(me, true);
    const outcome = await submitForm({
      dto: UpdateUserDto,
      plain: userBody(form, true),
      locale,
      act: (dto) => this.users.update(me, user.id, dto),
      done: () => ({ redirect: doneUrl(path, locale, 'saved') }),
      again: (errors) => page.render(userEditPage(page.form, page.roles, user, departments, { values: { ...formValuesOf(form), password: undefined }, errors })),
    });
    return answer(reply, outcome);
  }

  @Post(':id/otp-reset')
  async resetSecondFactor(@Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Param('id') id: string, @Body() form: Form = {}) {
    const user = await this.find(id);
    await this.users.resetSecondFactor(me, user.id);
    return redirectAfter(reply, `${USERS_PATH}/${user.id}`, formLocale(form), 'otp');
  }

  /** Deactivating ends every session of the user at once (the session layer checks `active`). */
  @Post(':id/active')
  async setActive(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Param('id') id: string, @Body() form: Form = {}) {
    const user = await this.find(id);
    const active = text(form, 'active') === 'true';
    const locale = formLocale(form);
    const path = `${USERS_PATH}/${user.id}`;
    const outcome = await submitForm({
      dto: UpdateUserDto,
      plain: { active },
      locale,
      act: (dto) => this.users.update(me, user.id, dto),
      done: () => ({ redirect: doneUrl(path, locale, active ? 'reactivated' : 'deactivated') }),
      again: async (errors) => {
        const page = await this.kit.page(req, reply, path, locale);
        return page.render(userEditPage(page.form, page.roles, user, await this.departments.list(me, true), { errors }));
      },
    });
    return answer(reply, outcome);
  }

  private async allUsers() {
    return (await this.users.list({})).map(toUserDto);
  }

  private async find(id: string) {
    requireId(id, 'User');
    return toUserDto(await this.users.get(id));
  }
}
