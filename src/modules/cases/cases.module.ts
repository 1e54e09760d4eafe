import { Module } from '@nestjs/common';
import { CaseAccessService } from './case-access.service';
import { CaseRegistrationService } from './case-registration.service';
import { CaseTrackingService } from './case-tracking.service';
import { CasesRepository } from './cases.repository';
import { ReferenceCounterRepository } from './reference-counter.repository';

@Module({
  providers: [CaseAccessService, CasesRepository, ReferenceCounterRepository, CaseRegistrationService, CaseTrackingService],
  exports: [CaseAccessService, CaseRegistrationService, CaseTrackingService],
})
export class CasesModule {}
