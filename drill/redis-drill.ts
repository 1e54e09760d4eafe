import Redis from 'ioredis';
import { checkDeadlines, checkMail, combine, seconds, settleOutbox } from './checks';
import { casesFallingDue } from './due-cases';
import { sleep, withStack } from './stack';
import { Verdict } from './verdict';

/** After FLUSHALL the schedules come back within a minute (ENSURE_SCHEDULES_EVERY_MS), the reconciler with them. */
const LATE_MS = 90_000;

/**
 * Redis killed and restarted from its append-only file, then emptied with
 * FLUSHALL, while deadlines are pending: the timers come back (from the
 * file, then from Postgres through the deadline reconciler) and each
 * deadline fires once, its notices sent once.
 */
export function redisDrill({ casesPerPhase }: { casesPerPhase: number }): Promise<Verdict> {
  return withStack({ appendOnlyRedis: true }, async (stack) => {
    let server = await stack.serve();
    const t0 = Date.now();
    // Phase one falls due just after the restart, phase two just after the flush.
    const restartIds = await casesFallingDue(stack, casesPerPhase, new Date(t0 + 15_000), new Date(t0 + 20_000));
    const flushIds = await casesFallingDue(stack, casesPerPhase, new Date(t0 + 35_000), new Date(t0 + 40_000));
    // A start reconciles: the timers of the moved due dates are set from Postgres.
    await server.stop('SIGTERM');
    server = await stack.serve();
    const expected = restartIds.length + flushIds.length;

    await stack.redis.kill();
    await sleep(1_000);
    await stack.redis.resume();
    await sleep(Math.max(0, t0 + 30_000 - Date.now()));

    const redis = new Redis(stack.redis.url);
    try {
      await redis.flushall();
    } finally {
      redis.disconnect();
    }
    const flushedAt = Date.now();
    // Bounded: every case of both phases has fired, or the lateness bound has passed.
    const lastDue = t0 + 40_000;
    while (Date.now() < lastDue + LATE_MS) {
      const [{ fired }] = (
        await stack.db.query(`SELECT count(*)::int AS fired FROM deadline_firings WHERE case_id = ANY($1) AND occasion = 'deadline'`, [[...restartIds, ...flushIds]])
      ).rows;
      if (fired === expected) break;
      await sleep(500);
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
    return {
      name: 'redis-restart-and-flushall',
      ...counts,
      figures: [
        `${casesPerPhase} deadlines due after the AOF restart, ${casesPerPhase} after FLUSHALL; first firing ${firstAfterFlush ? seconds(firstAfterFlush.getTime() - flushedAt) : 'never'} after the flush`,
        ...counts.figures,
      ],
      problems: settled ? [] : ['the outbox did not settle within the bound'],
    };
  });
}
