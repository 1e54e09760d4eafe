import Redis from 'ioredis';
import { checkDeadlines, checkMail, combine, seconds, settleOutbox } from './checks';
import { deadlineTimersSet, dueBetween, fileCases } from './due-cases';
import { sleep, withStack } from './stack';
import { Verdict } from './verdict';

/**
 * After FLUSHALL the schedules come back within 15 s (ENSURE_SCHEDULES_EVERY_MS), and
 * the workers repair at once what went with them: the deadline reconciler sets the
 * timers, the outbox's queues its pending mail; then the timers fire and the mail goes.
 */
const LATE_MS = 120_000;

/**
 * Redis killed and restarted from its append-only file, then emptied with
 * FLUSHALL, while deadlines are pending: the timers come back (from the
 * file, then from Postgres through the deadline reconciler) and each
 * deadline fires once, its notices sent once.
 */
export function redisDrill({ casesPerPhase }: { casesPerPhase: number }): Promise<Verdict> {
  return withStack({ appendOnlyRedis: true }, async (stack) => {
    let server = await stack.serve();
    const restartCodes = await fileCases(stack, casesPerPhase);
    const flushCodes = await fileCases(stack, casesPerPhase);
    // Timed from here, once the filings are in: phase one falls due after the restart, phase two after the flush.
    const t0 = Date.now();
    const restartIds = await dueBetween(stack, restartCodes, new Date(t0 + 25_000), new Date(t0 + 30_000));
    const flushIds = await dueBetween(stack, flushCodes, new Date(t0 + 45_000), new Date(t0 + 50_000));
    const all = [...restartIds, ...flushIds];
    const redis = new Redis(stack.redis.url, { maxRetriesPerRequest: null });
    redis.on('error', () => undefined);
    const problems: string[] = [];
    let flushedAt = 0;
    try {
      // A start reconciles: the timers of the moved due dates are set from Postgres, before anything is broken.
      await server.stop('SIGTERM');
      server = await stack.serve();
      if (!(await deadlineTimersSet(redis, all, 20_000))) problems.push('the timers were not in Redis before the drill broke it');

      await stack.redis.kill();
      await sleep(1_000);
      await stack.redis.resume();
      if (!(await deadlineTimersSet(redis, restartIds, 5_000))) problems.push('the append-only file did not bring the timers back');

      await sleep(Math.max(0, t0 + 35_000 - Date.now()));
      await redis.flushall();
      flushedAt = Date.now();
      // Bounded: every case of both phases has fired, or the lateness bound has passed.
      while (Date.now() < t0 + 50_000 + LATE_MS) {
        const [{ fired }] = (
          await stack.db.query(`SELECT count(*)::int AS fired FROM deadline_firings WHERE case_id = ANY($1) AND occasion = 'deadline'`, [all])
        ).rows;
        if (fired === all.length) break;
        await sleep(500);
      }
    } finally {
      redis.disconnect();
    }
    const settled = await settleOutbox(stack, 60_000);
    const counts = combine(
      await checkDeadlines(stack, restartIds, new Date()),
      await checkDeadlines(stack, flushIds, new Date()),
      await checkMail(stack, LATE_MS),
    );
    const [{ firstAfterFlush }] = (
      await stack.db.query(`SELECT min(fired_at) AS "firstAfterFlush" FROM deadline_firings WHERE case_id = ANY($1) AND occasion = 'deadline'`, [flushIds])
    ).rows;
    await server.stop('SIGTERM');
    if (!settled) problems.push('the outbox did not settle within the bound');
    return {
      name: 'redis-restart-and-flushall',
      ...counts,
      figures: [
        `${casesPerPhase} deadlines due after the AOF restart, ${casesPerPhase} after FLUSHALL; the first of those fired ${firstAfterFlush ? seconds(firstAfterFlush.getTime() - flushedAt) : 'never'} after the flush`,
        ...counts.figures,
      ],
      problems,
    };
  });
}
