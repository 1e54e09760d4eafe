import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '../../jobs/job-catalogue';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.notifications })],
  controllers: [HealthController],
  providers: [HealthService],
})
export class HealthModule {}
