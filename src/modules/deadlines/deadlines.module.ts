import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { QUEUES } from '../../jobs/job-catalogue';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { SettingsModule } from '../settings/settings.module';
import { DeadlineDigest } from './deadline-digest.service';
import { DeadlineHandlers } from './deadline-handlers.service';
import { DeadlineMailsRenderer } from './deadline-mails.renderer';
import { DeadlineMailsRepository } from './deadline-mails.repository';
import { DeadlineReconciler } from './deadline-reconciler.service';
import { DeadlineTimers } from './deadline-timers.service';
import { DeadlineTimersSubscriber } from './deadline-timers.subscriber';
import { DeadlinesProcessor } from './deadlines.processor';
import { DeadlinesRepository } from './deadlines.repository';
import { DueDateController } from './due-date.controller';
import { DueDateService } from './due-date.service';

/**
 * Seed 004's 15 days: a timer per open case on the deadlines queue
 * (reminders, the deadline, the escalation), kept in step with the case by
 * the case-change seam, repaired by a reconciler, and the 08:00 digest.
 * Every process sets and clears timers; only workers run them.
 */
@Module({})
export class DeadlinesModule {
  static forRoot(options: { workers: boolean }): DynamicModule {
    return {
      module: DeadlinesModule,
      imports: [BullModule.registerQueue({ name: QUEUES.deadlines }), CasesModule, SettingsModule, CalendarModule, AuditModule],
      controllers: [DueDateController],
      providers: [
        DeadlineDigest,
        DeadlineHandlers,
        DeadlineMailsRenderer,
        DeadlineMailsRepository,
        DeadlineReconciler,
        DeadlineTimers,
        DeadlineTimersSubscriber,
        DeadlinesRepository,
        DueDateService,
        ...(options.workers ? [DeadlinesProcessor] : []),
      ],
      exports: [DeadlineReconciler, DeadlineHandlers, DeadlineTimers],
    };
  }
}
