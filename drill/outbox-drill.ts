import { checkFilings, checkMail, combine, seconds, settleOutbox } from './checks';
import { Filed, filingBody, send } from './load';
import { withStack } from './stack';
import { Verdict } from './verdict';

/** Found by the next start's outbox reconcile, then sent with the first try. */
const LATE_MS = 60_000;

/**
 * A kill between the commit and the enqueue, made certain: with Redis gone
 * a filing commits (201) and its acknowledgement's enqueue waits on a
 * connection that never comes; `kill -9` then loses that enqueue for good.
 * Redis comes back, a new server starts, and the outbox relay must send
 * every acknowledgement, once.
 */
export function outboxDrill({ filings }: { filings: number }): Promise<Verdict> {
  return withStack({ appendOnlyRedis: true }, async (stack) => {
    const server = await stack.serve();
    await stack.redis.kill();
    const filed: Filed[] = [];
    const problems: string[] = [];
    for (let i = 0; i < filings; i++) {
      const { body, email } = filingBody('outbox');
      const res = await send(stack.baseUrl, 'POST', '/api/v1/complaints', body);
      if (res.status !== 201) problems.push(`a filing with Redis down answered ${res.status}`);
      else filed.push({ ...(JSON.parse(res.body) as { trackingCode: string; referenceNo: string }), email, at: Date.now() });
    }
    const [{ pending }] = (await stack.db.query(`SELECT count(*)::int AS pending FROM notifications WHERE status = 'pending'`)).rows;
    await server.stop('SIGKILL');
    await stack.redis.resume();
    const restarted = Date.now();
    const next = await stack.serve();
    const settled = await settleOutbox(stack, 90_000);
    const settledMs = Date.now() - restarted;
    const counts = combine(await checkFilings(stack, filed), await checkMail(stack, LATE_MS));
    await next.stop('SIGTERM');
    if (!settled) problems.push('the outbox did not settle within 90 s');
    return {
      name: 'commit-then-kill',
      ...counts,
      figures: [`${pending} acknowledgements committed and never queued when the server was killed; all settled ${seconds(settledMs)} after Redis and a server came back`, ...counts.figures],
      problems,
    };
  });
}
