import { Body, Controller, Get, Header, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { localeFrom } from '../../views/page-context';
import { formValuesOf } from '../../views/staff/admin/admin-fields';
import { adminMessages } from '../../views/staff/admin/admin.messages';
import { categoriesPage, categoryEditPage, CATEGORIES_PATH } from '../../views/staff/admin/categories.page';
import { departmentEditPage, departmentsPage, DEPARTMENTS_PATH } from '../../views/staff/admin/departments.page';
import { answer, submitForm } from '../../views/form-flow';
import type { StaffRequest } from '../auth/staff-auth.guard';
import { CurrentUser } from '../auth/staff.decorator';
import type { StaffUser } from '../auth/staff-user';
import { CategoriesService } from '../categories/categories.service';
import { CreateCategoryDto, UpdateCategoryDto } from '../categories/dto/category.dto';
import { DepartmentsService } from '../departments/departments.service';
import { CreateDepartmentDto, UpdateDepartmentDto } from '../departments/dto/department.dto';
import { formLocale } from '../staff-console/staff-pages';
import { StaffPage } from '../staff-console/session/staff-page.decorator';
import { AdminPageKit, conflictAsField, doneUrl, HTML, requireId, text } from './admin-page-kit';

type Form = Record<string, unknown>;

/** Departments and categories: the lists the centre routes cases with. */
@ApiExcludeController()
@Controller('staff/admin')
@StaffPage('admin')
export class CataloguePagesController {
  constructor(
    private readonly kit: AdminPageKit,
    private readonly departments: DepartmentsService,
    private readonly categories: CategoriesService,
  ) {}

  @Get('departments')
  @Header('Content-Type', HTML)
  async departmentList(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Query('lang') lang?: string, @Query('done') done?: string) {
    const page = await this.kit.page(req, reply, DEPARTMENTS_PATH, localeFrom(lang));
    const m = adminMessages(page.form.locale);
    return page.render(departmentsPage(page.form, await this.departments.list(me, true), { done: done === 'created' ? m.departments.created : done === 'saved' ? m.saved : undefined }));
  }

  @Post('departments')
  @Header('Content-Type', HTML)
  async createDepartment(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Body() form: Form = {}) {
    const locale = formLocale(form);
    const page = await this.kit.page(req, reply, DEPARTMENTS_PATH, locale);
    const outcome = await submitForm({
      dto: CreateDepartmentDto,
      plain: { code: text(form, 'code'), nameTh: text(form, 'nameTh'), nameEn: text(form, 'nameEn') },
      locale,
      act: (dto) => conflictAsField('code', () => this.departments.create(me, dto)),
      done: () => ({ redirect: doneUrl(DEPARTMENTS_PATH, locale, 'created') }),
      again: async (errors) => page.render(departmentsPage(page.form, await this.departments.list(me, true), { values: formValuesOf(form), errors })),
    });
    return answer(reply, outcome);
  }

  @Get('departments/:id')
  @Header('Content-Type', HTML)
  async departmentEdit(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @Param('id') id: string, @Query('lang') lang?: string) {
    const department = await this.departments.get(requireId(id, 'Department'));
    const page = await this.kit.page(req, reply, `${DEPARTMENTS_PATH}/${department.id}`, localeFrom(lang));
    return page.render(departmentEditPage(page.form, department));
  }

  @Post('departments/:id')
  @Header('Content-Type', HTML)
  async updateDepartment(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Param('id') id: string, @Body() form: Form = {}) {
    const department = await this.departments.get(requireId(id, 'Department'));
    const locale = formLocale(form);
    const page = await this.kit.page(req, reply, `${DEPARTMENTS_PATH}/${department.id}`, locale);
    const outcome = await submitForm({
      dto: UpdateDepartmentDto,
      plain: { nameTh: text(form, 'nameTh'), nameEn: text(form, 'nameEn'), active: text(form, 'active') === 'true' },
      locale,
      act: (dto) => conflictAsField('active', () => this.departments.update(me, department.id, dto), 'stillInUse'),
      done: () => ({ redirect: doneUrl(DEPARTMENTS_PATH, locale, 'saved') }),
      again: (errors) => page.render(departmentEditPage(page.form, department, { values: formValuesOf(form), errors })),
    });
    return answer(reply, outcome);
  }

  @Get('categories')
  @Header('Content-Type', HTML)
  async categoryList(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Query('lang') lang?: string, @Query('done') done?: string) {
    const page = await this.kit.page(req, reply, CATEGORIES_PATH, localeFrom(lang));
    const m = adminMessages(page.form.locale);
    const [categories, departments] = await Promise.all([this.categories.list(me, { includeInactive: true }), this.departments.list(me, true)]);
    return page.render(categoriesPage(page.form, categories, departments, { done: done === 'created' ? m.categories.created : done === 'saved' ? m.saved : undefined }));
  }

  @Post('categories')
  @Header('Content-Type', HTML)
  async createCategory(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Body() form: Form = {}) {
    const locale = formLocale(form);
    const page = await this.kit.page(req, reply, CATEGORIES_PATH, locale);
    const outcome = await submitForm({
      dto: CreateCategoryDto,
      plain: {
        code: text(form, 'code'),
        kind: text(form, 'kind'),
        nameTh: text(form, 'nameTh'),
        nameEn: text(form, 'nameEn'),
        defaultDepartmentId: text(form, 'defaultDepartmentId') || null,
      },
      locale,
      act: (dto) => conflictAsField('code', () => this.categories.create(me, dto)),
      done: () => ({ redirect: doneUrl(CATEGORIES_PATH, locale, 'created') }),
      again: async (errors) => {
        const [categories, departments] = await Promise.all([this.categories.list(me, { includeInactive: true }), this.departments.list(me, true)]);
        return page.render(categoriesPage(page.form, categories, departments, { values: formValuesOf(form), errors }));
      },
    });
    return answer(reply, outcome);
  }

  @Get('categories/:id')
  @Header('Content-Type', HTML)
  async categoryEdit(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Param('id') id: string, @Query('lang') lang?: string) {
    const category = await this.categories.get(requireId(id, 'Category'));
    const page = await this.kit.page(req, reply, `${CATEGORIES_PATH}/${category.id}`, localeFrom(lang));
    return page.render(categoryEditPage(page.form, category, await this.departments.list(me, true)));
  }

  @Post('categories/:id')
  @Header('Content-Type', HTML)
  async updateCategory(@Req() req: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() me: StaffUser, @Param('id') id: string, @Body() form: Form = {}) {
    const category = await this.categories.get(requireId(id, 'Category'));
    const locale = formLocale(form);
    const page = await this.kit.page(req, reply, `${CATEGORIES_PATH}/${category.id}`, locale);
    const outcome = await submitForm({
      dto: UpdateCategoryDto,
      plain: {
        nameTh: text(form, 'nameTh'),
        nameEn: text(form, 'nameEn'),
        // A corruption category has no such field on its form: it is left alone.
        ...(category.kind === 'general' ? { defaultDepartmentId: text(form, 'defaultDepartmentId') || null } : {}),
        active: text(form, 'active') === 'true',
      },
      locale,
      act: (dto) => this.categories.update(me, category.id, dto),
      done: () => ({ redirect: doneUrl(CATEGORIES_PATH, locale, 'saved') }),
      again: async (errors) => page.render(categoryEditPage(page.form, category, await this.departments.list(me, true), { values: formValuesOf(form), errors })),
    });
    return answer(reply, outcome);
  }
}
