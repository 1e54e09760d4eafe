import { checkFilings, checkMail, combine, seconds, settleOutbox } from './checks';
import { fileContinuously, send, statusSummary } from './load';
import { sleep, withStack } from './stack';
import { Verdict } from './verdict';

/** With DATABASE_CONNECT_TIMEOUT_MS at 1 s, a 503 takes about that; more than this is a hang. */
const FAST_MS = 3_000;
/** The longest the server may take to serve again once Postgres is back. */
const RECOVERY_MS = 20_000;
/** Mail owed while Postgres was down goes when it is back. */
const LATE_MS = 60_000;

/**
 * Postgres stopped (`pg_ctl stop -m fast`) and started again under filing
 * load: while it is down every filing fails fast with 503 (no 500, no hang),
 * and the same server process files again by itself once it is back.
 */
export function postgresDrill({ downMs, clients }: { downMs: number; clients: number }): Promise<Verdict> {
  return withStack({}, async (stack) => {
    const server = await stack.serve();
    const before = fileContinuously(stack.baseUrl, clients, 'pg-before', { timeoutMs: FAST_MS * 3 });
    await sleep(2_000);
    const up = await before.stop();

    const during = fileContinuously(stack.baseUrl, clients, 'pg-down', { timeoutMs: FAST_MS * 3 });
    await stack.pg.halt();
    const stoppedAt = Date.now();
    await sleep(downMs);
    const down = await during.stop();
    await stack.pg.resume();
    const resumedAt = Date.now();

    let recoveredMs = -1;
    while (Date.now() - resumedAt < RECOVERY_MS) {
      const res = await send(stack.baseUrl, 'GET', '/api/v1/health', undefined, { timeoutMs: FAST_MS }).catch(() => null);
      if (res?.status === 200) {
        recoveredMs = Date.now() - resumedAt;
        break;
      }
      await sleep(100);
    }
    const after = fileContinuously(stack.baseUrl, clients, 'pg-after', { timeoutMs: FAST_MS * 3 });
    await sleep(2_000);
    const back = await after.stop();
    const settled = await settleOutbox(stack, 60_000);

    const filed = [...up.filed, ...down.filed, ...back.filed];
    const counts = combine(await checkFilings(stack, filed), await checkMail(stack, LATE_MS));
    const problems: string[] = [];
    const unexpected = [...down.statuses.keys()].filter((s) => s !== 201 && s !== 503);
    if (unexpected.length) {
      problems.push(`while Postgres was down the filings answered ${statusSummary(down)}`);
      const logged = server.stdout.filter((l) => /"level":50/.test(l)).slice(0, 3);
      for (const line of logged) problems.push(`the server logged: ${line.slice(0, 600)}`);
    }
    if (down.hung) problems.push(`${down.hung} filings hung while Postgres was down`);
    if (down.cut) problems.push(`${down.cut} filings were cut off without an answer`);
    if (!down.statuses.get(503)) problems.push('no filing met the outage');
    if (recoveredMs < 0) problems.push(`the server did not recover within ${seconds(RECOVERY_MS)}`);
    if (!back.statuses.get(201) || back.statuses.size !== 1) problems.push(`after recovery the filings answered ${statusSummary(back)}`);
    if (!settled) problems.push('the outbox did not settle within the bound');
    if (!server.running) problems.push('the server process exited');
    await server.stop('SIGTERM');
    return {
      name: 'postgres-restart',
      lost: counts.lost,
      duplicated: counts.duplicated,
      // A filing slower than the bound while Postgres was down is a late answer.
      late: counts.late + down.hung,
      figures: [
        `Postgres down ${seconds(resumedAt - stoppedAt)} under ${clients} clients: ${statusSummary(down)}; slowest 503 ${seconds(down.slowest503Ms)}; server healthy again ${seconds(Math.max(recoveredMs, 0))} after Postgres was back, then ${statusSummary(back)}`,
        ...counts.figures,
      ],
      problems,
    };
  });
}
