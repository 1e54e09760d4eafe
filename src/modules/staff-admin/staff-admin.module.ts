import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CategoriesModule } from '../categories/categories.module';
import { DepartmentsModule } from '../departments/departments.module';
import { ReportsModule } from '../reports/reports.module';
import { SettingsModule } from '../settings/settings.module';
import { StaffConsoleModule } from '../staff-console/staff-console.module';
import { UsersModule } from '../users/users.module';
import { AdminPageKit } from './admin-page-kit';
import { CataloguePagesController } from './catalogue-pages.controller';
import { DashboardPageController } from './dashboard-page.controller';
import { SystemPagesController } from './system-pages.controller';
import { UsersPagesController } from './users-pages.controller';

/**
 * The executive dashboard and the administration pages of the staff
 * console. Pages only: every figure and every change comes from the
 * module that owns it (reports, users, settings...), which audits it.
 */
@Module({
  imports: [StaffConsoleModule, ReportsModule, UsersModule, DepartmentsModule, CategoriesModule, CalendarModule, SettingsModule, AuditModule],
  controllers: [DashboardPageController, UsersPagesController, CataloguePagesController, SystemPagesController],
  providers: [AdminPageKit],
})
export class StaffAdminModule {}
