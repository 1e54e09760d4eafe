import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CasesModule } from '../cases/cases.module';
import { CategoriesModule } from '../categories/categories.module';
import { ComplaintsController } from './complaints.controller';
import { IntakePagesController } from './intake-pages.controller';
import { IntakeService } from './intake.service';

@Module({
  imports: [CasesModule, CategoriesModule, AttachmentsModule],
  controllers: [ComplaintsController, IntakePagesController],
  providers: [IntakeService],
})
export class IntakeModule {}
