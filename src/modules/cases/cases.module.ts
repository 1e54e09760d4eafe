import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { CategoriesModule } from '../categories/categories.module';
import { CaseAccessService } from './case-access.service';
import { CaseActionsService } from './case-actions.service';
import { CaseChanges } from './case-changes';
import { CaseDetailsRepository } from './case-details.repository';
import { CaseDetailsService } from './case-details.service';
import { CaseEvent } from './case-event.entity';
import { CaseFactsRepository } from './case-facts.repository';
import { CaseFactsSubscriber } from './case-facts.subscriber';
import { CaseQueueRepository } from './case-queue.repository';
import { CaseQueueService } from './case-queue.service';
import { CaseRegistrationService } from './case-registration.service';
import { CaseTimeline } from './case-timeline.service';
import { CaseTrackingService } from './case-tracking.service';
import { CaseWorkflowRepository } from './case-workflow.repository';
import { Case } from './case.entity';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { Complainant } from './complainant.entity';
import { IdentityCustody } from './identity-custody';
import { ReferenceCounterRepository } from './reference-counter.repository';
import { StaffRegistrationService } from './staff-registration.service';

/**
 * The case, its register, timeline, workflow and queues. Other modules
 * learn of changes by subscribing to `CaseChanges`, and record changes of
 * their own (files, deadlines, messages) through `CaseTimeline`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Case, CaseEvent, Complainant]), CategoriesModule, CalendarModule],
  controllers: [CasesController],
  providers: [
    CaseAccessService,
    CaseActionsService,
    CaseChanges,
    CaseDetailsRepository,
    CaseDetailsService,
    CaseFactsRepository,
    CaseFactsSubscriber,
    CaseQueueRepository,
    CaseQueueService,
    CaseRegistrationService,
    CaseTimeline,
    CaseTrackingService,
    CaseWorkflowRepository,
    CasesRepository,
    IdentityCustody,
    ReferenceCounterRepository,
    StaffRegistrationService,
  ],
  exports: [
    CaseAccessService,
    CaseActionsService,
    CaseChanges,
    CaseDetailsService,
    CaseQueueService,
    CaseRegistrationService,
    CaseTimeline,
    CaseTrackingService,
    IdentityCustody,
    StaffRegistrationService,
  ],
})
export class CasesModule {}
