import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CategoriesModule } from '../categories/categories.module';
import { DepartmentsModule } from '../departments/departments.module';
import { SettingsModule } from '../settings/settings.module';
import { StaffPageGuard } from './session/staff-page.guard';
import { StaffSessionsRepository } from './session/staff-sessions.repository';
import { StaffSessionsService } from './session/staff-sessions.service';
import { StaffSignInService } from './session/staff-sign-in.service';
import { StaffCaseController } from './staff-case.controller';
import { StaffCaseService } from './staff-case.service';
import { StaffRegisterController } from './staff-register.controller';
import { StaffPages } from './staff-pages';
import { StaffQueueController } from './staff-queue.controller';
import { StaffSessionController } from './staff-session.controller';

/**
 * The staff console: server-rendered pages under /staff on a server-side
 * session. Other modules' pages use StaffPage() (the guard), StaffPages
 * (the page context) and the layout in src/views/pages/staff.
 */
@Module({
  imports: [SettingsModule, CasesModule, CategoriesModule, DepartmentsModule],
  controllers: [
    StaffSessionController,
    StaffQueueController,
    StaffRegisterController,
    StaffCaseController,
  ],
  providers: [StaffSessionsRepository, StaffSessionsService, StaffSignInService, StaffPageGuard, StaffPages, StaffCaseService],
  exports: [StaffSessionsService, StaffPageGuard, StaffPages],
})
export class StaffConsoleModule {}
