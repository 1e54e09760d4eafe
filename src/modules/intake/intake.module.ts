import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CategoriesModule } from '../categories/categories.module';
import { SettingsModule } from '../settings/settings.module';
import { ComplaintsController } from './complaints.controller';
import { IntakePagesController } from './intake-pages.controller';
import { IntakeService } from './intake.service';

@Module({
  imports: [CasesModule, CategoriesModule, SettingsModule],
  controllers: [ComplaintsController, IntakePagesController],
  providers: [IntakeService],
})
export class IntakeModule {}
