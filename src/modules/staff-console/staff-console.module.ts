import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DepartmentsModule } from '../departments/departments.module';
import { SettingsModule } from '../settings/settings.module';
import { StaffPageGuard } from './session/staff-page.guard';
import { StaffSessionsRepository } from './session/staff-sessions.repository';
import { StaffSessionsService } from './session/staff-sessions.service';
import { StaffSignInService } from './session/staff-sign-in.service';
import { StaffPages } from './staff-pages';
import { StaffQueueController } from './staff-queue.controller';
import { StaffSessionController } from './staff-session.controller';

/**
 * The staff console: server-rendered pages under /staff on a server-side
 * session. Other modules' pages use StaffPage() (the guard), StaffPages
 * (the page context) and the layout in src/views/pages/staff.
 */
@Module({
  imports: [SettingsModule, CasesModule, DepartmentsModule],
  controllers: [StaffSessionController, StaffQueueController],
  providers: [StaffSessionsRepository, StaffSessionsService, StaffSignInService, StaffPageGuard, StaffPages],
  exports: [StaffSessionsService, StaffPageGuard, StaffPages],
})
export class StaffConsoleModule {}
