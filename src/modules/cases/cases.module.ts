import { Module } from '@nestjs/common';
import { CaseRegistrationService } from './case-registration.service';
import { CaseTrackingService } from './case-tracking.service';
import { CasesRepository } from './cases.repository';
import { ReferenceCounterRepository } from './reference-counter.repository';

@Module({
  providers: [CasesRepository, ReferenceCounterRepository, CaseRegistrationService, CaseTrackingService],
  exports: [CaseRegistrationService, CaseTrackingService],
})
export class CasesModule {}
