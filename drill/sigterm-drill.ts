import Redis from 'ioredis';
import { QUEUES } from '../src/jobs/job-catalogue';
import { checkFilings, checkMail, combine, seconds, settleOutbox } from './checks';
import { fileContinuously, statusSummary } from './load';
import { REDIS_PREFIX, sleep, withStack } from './stack';
import { Verdict } from './verdict';

const SHUTDOWN_TIMEOUT_MS = 5_000;
const LATE_MS = 60_000;

/**
 * SIGTERM to a server (workers included) under filing load: the requests it
 * had taken are answered (none is in the database without its 201), it exits 0 within
 * SHUTDOWN_TIMEOUT_MS, and no job is left behind as active: each finished
 * or went back to its queue. A new server then sends every mail once.
 */
export function sigtermDrill({ clients, loadMs }: { clients: number; loadMs: number }): Promise<Verdict> {
  return withStack({ env: { SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) } }, async (stack) => {
    const server = await stack.serve();
    const load = fileContinuously(stack.baseUrl, clients, 'sigterm');
    await sleep(loadMs);
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    const exitMs = Date.now() - signalledAt;
    // The clients go on a moment: they meet a closed port, which is right.
    await sleep(500);
    const tally = await load.stop();
    const redis = new Redis(stack.redis.url);
    let active: number;
    try {
      active = (await redis.llen(`${REDIS_PREFIX}:${QUEUES.notifications}:active`)) + (await redis.llen(`${REDIS_PREFIX}:${QUEUES.deadlines}:active`));
    } finally {
      redis.disconnect();
    }
    // A connection the kernel had taken but the server had not read when it closed is reset: that filing was
    // refused, like one at a closed port. One that was taken (it is in the database) and got no answer is lost.
    const [{ takenUnanswered }] = (
      await stack.db.query(`SELECT count(*)::int AS "takenUnanswered" FROM complainants WHERE email = ANY($1)`, [tally.cutEmails])
    ).rows;
    const next = await stack.serve();
    const settled = await settleOutbox(stack, 60_000);
    const counts = combine(await checkFilings(stack, tally.filed), await checkMail(stack, LATE_MS));
    await next.stop('SIGTERM');
    const problems: string[] = [];
    if (exit !== 0) problems.push(`the server exited with ${exit}`);
    if (exitMs > SHUTDOWN_TIMEOUT_MS + 2_000) problems.push(`the server took ${seconds(exitMs)} to exit`);
    if (active) problems.push(`${active} jobs were left active in Redis`);
    if (!settled) problems.push('the outbox did not settle within the bound');
    const unexpected = [...tally.statuses.keys()].filter((s) => s !== 201 && s !== 503);
    if (unexpected.length) problems.push(`filings answered ${statusSummary(tally)}`);
    return {
      name: 'sigterm',
      lost: counts.lost + takenUnanswered,
      duplicated: counts.duplicated,
      late: counts.late + tally.hung,
      figures: [
        `SIGTERM after ${seconds(loadMs)} of ${clients} clients: ${statusSummary(tally)}, ${tally.cut - takenUnanswered} reset unread and ${tally.refused} refused once closed, ${takenUnanswered} taken and not answered; exit ${exit} ${seconds(exitMs)} after the signal, ${active} jobs left active`,
        ...counts.figures,
      ],
      problems,
    };
  });
}
