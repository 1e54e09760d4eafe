import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { QUEUES } from '../../jobs/job-catalogue';
import { Metrics } from './metrics';
import { MetricsRepository } from './metrics.repository';
import { MetricsService } from './metrics.service';

/** Global so that a processor anywhere can count its failures on the one registry. */
@Global()
@Module({
  imports: Object.values(QUEUES).map((name) => BullModule.registerQueue({ name })),
  providers: [{ provide: Metrics, useFactory: () => new Metrics() }, MetricsRepository, MetricsService],
  exports: [Metrics],
})
export class MetricsModule {}
