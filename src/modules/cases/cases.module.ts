import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEvent } from './case-event.entity';
import { Case } from './case.entity';
import { Complainant } from './complainant.entity';
import { CategoriesModule } from '../categories/categories.module';
import { CaseAccessService } from './case-access.service';
import { CaseActionsService } from './case-actions.service';
import { CaseDetailsRepository } from './case-details.repository';
import { CaseDetailsService } from './case-details.service';
import { CaseQueueRepository } from './case-queue.repository';
import { CaseQueueService } from './case-queue.service';
import { CaseRegistrationService } from './case-registration.service';
import { CaseTrackingService } from './case-tracking.service';
import { CaseWorkflowRepository } from './case-workflow.repository';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { ReferenceCounterRepository } from './reference-counter.repository';
import { StaffRegistrationService } from './staff-registration.service';

@Module({
  imports: [TypeOrmModule.forFeature([Case, CaseEvent, Complainant]), CategoriesModule],
  controllers: [CasesController],
  providers: [
    CaseAccessService,
    CaseActionsService,
    CaseDetailsRepository,
    CaseDetailsService,
    CaseQueueRepository,
    CaseQueueService,
    CaseRegistrationService,
    CaseTrackingService,
    CaseWorkflowRepository,
    CasesRepository,
    ReferenceCounterRepository,
    StaffRegistrationService,
  ],
  exports: [CaseAccessService, CaseRegistrationService, CaseTrackingService],
})
export class CasesModule {}
