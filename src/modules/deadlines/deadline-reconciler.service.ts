import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/time/clock';
import { SettingsService } from '../settings/settings.service';
import { nextTimer, planTimers, Timer, timerJobId } from './deadline-plan';
import { DeadlinesRepository, OpenCaseTimers } from './deadlines.repository';
import { DeadlineTimers } from './deadline-timers.service';

/** Open cases read per round: one query, one Redis pipeline, one bulk add. */
export const RECONCILE_CHUNK = 5_000;
/**
 * Chunks repaired side by side. Adding a timer costs Node (building and
 * encoding the bulk) about as much as Redis (running BullMQ's script); one
 * lane leaves each waiting on the other, two keep both busy.
 */
export const RECONCILE_LANES = 2;

export interface ReconcileResult {
  /** Open cases looked at. */
  checked: number;
  /** Timers that were missing from Redis and set again (those already due fire at once). */
  restored: number;
  /** Of those, timers whose moment had passed: they fire now. */
  overdue: number;
  /** Timer jobs that had run out of attempts and were retried. */
  retried: number;
}

/**
 * The database is the truth; Redis may lose its data (a FLUSHDB, a failover
 * to an empty replica). At start and every few minutes this walks every
 * open case, works out its next timer from the database, and sets the ones
 * Redis does not hold. One whose moment passed while nothing was watching
 * is set to fire at once; the firing record makes sure it fires once.
 */
@Injectable()
export class DeadlineReconciler {
  private readonly logger = new Logger(DeadlineReconciler.name);

  constructor(
    private readonly repo: DeadlinesRepository,
    private readonly timers: DeadlineTimers,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  async reconcile(chunkSize = RECONCILE_CHUNK, lanes = RECONCILE_LANES): Promise<ReconcileResult> {
    const { reminderDaysBefore } = await this.settings.get('deadline');
    const result: ReconcileResult = { checked: 0, restored: 0, overdue: 0, retried: 0 };
    const chunks = new ChunkReader(this.repo, chunkSize);
    let failed = false;
    const lane = async () => {
      for (let chunk = await chunks.take(); chunk.length > 0 && !failed; chunk = await chunks.take()) {
        await this.repair(chunk, reminderDaysBefore, result);
      }
    };
    await Promise.all(
      Array.from({ length: lanes }, () =>
        lane().catch((err) => {
          failed = true;
          throw err;
        }),
      ),
    );
    if (result.restored || result.retried) {
      this.logger.warn(`deadline timers repaired: ${result.restored} set again (${result.overdue} already due), ${result.retried} retried`);
    }
    return result;
  }

  private async repair(chunk: OpenCaseTimers[], reminderDaysBefore: readonly number[], result: ReconcileResult): Promise<void> {
    const now = this.clock.now();
    result.checked += chunk.length;
    const wanted: Array<{ caseId: string; timer: Timer; jobId: string }> = [];
    for (const c of chunk) {
      const timer = nextTimer(planTimers(c.dueAt, reminderDaysBefore), new Set(c.fired), now);
      if (timer) wanted.push({ caseId: c.id, timer, jobId: timerJobId(c.id, timer) });
    }
    const present = await this.timers.existing(wanted.map((w) => w.jobId));
    const missing = wanted.filter((_, i) => !present[i]);
    await this.timers.setMany(missing);
    result.restored += missing.length;
    result.overdue += missing.filter((w) => w.timer.fireAt <= now).length;
    // A timer whose moment passed and whose job is still there may have given up (the database was away).
    const passed = wanted.filter((w, i) => present[i] && w.timer.fireAt <= now);
    const failed = await this.timers.failed(passed.map((w) => w.jobId));
    for (const w of passed.filter((_, i) => failed[i])) {
      await this.timers.retryFailed(w.jobId);
      result.retried++;
    }
  }
}

/**
 * The open cases chunk after chunk, in id order, each read started as soon
 * as the one before it arrived: the database works while Redis does.
 */
class ChunkReader {
  private next: Promise<OpenCaseTimers[]>;

  constructor(
    private readonly repo: DeadlinesRepository,
    private readonly size: number,
  ) {
    this.next = this.read(repo.openCasesAfter(null, size));
  }

  /** The next chunk; empty once every open case was handed out. */
  take(): Promise<OpenCaseTimers[]> {
    const chunk = this.next;
    this.next = this.read(
      chunk.then((c) => (c.length < this.size ? [] : this.repo.openCasesAfter(c[c.length - 1].id, this.size))),
    );
    return chunk;
  }

  /** A read nobody takes (a lane failed and the walk stopped) must not fail the process. */
  private read(p: Promise<OpenCaseTimers[]>): Promise<OpenCaseTimers[]> {
    p.catch(() => undefined);
    return p;
  }
}
