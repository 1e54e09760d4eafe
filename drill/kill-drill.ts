import { checkDeadlines, checkFilings, checkMail, combine, describeUnsettled, seconds, settleOutbox } from './checks';
import { casesFallingDue } from './due-cases';
import { fileContinuously, statusSummary } from './load';
import { ServerProcess } from '../test/hardening/support/server-process';
import { sleep, withStack } from './stack';
import { Verdict } from './verdict';

export interface KillOptions {
  kills: number;
  clients: number;
  /** Cases whose deadline falls due while the kills go on. */
  dueCases: number;
}

/** One kill in five lands while the server boots; the others while it serves, up to this long after it listens. */
const BOOT_KILLS = 0.2;
const SERVING_MS = 3_000;

const listening = (server: ServerProcess) => server.stdout.some((l) => l.includes('Listening on'));

/** Waits until the server listens (or exits, or a bound passes); false if it does not. */
async function untilListening(server: ServerProcess, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!listening(server) && server.running && Date.now() < deadline) await sleep(20);
  return listening(server);
}
/**
 * After the last kill: a job cut off mid-way waits for BullMQ's stalled
 * check (up to twice 30 s), then its retry.
 */
const LATE_MS = 120_000;
/**
 * Filings that give an e-mail address (and so get an acknowledgement). Not
 * all: at the drill's flood of filings, acknowledgements would be most of
 * the mail, and the drill is about the deadline notices.
 */
const EMAIL_SHARE = 0.1;

/**
 * `kill -9` of the server (workers included, as `npm start` runs) at random
 * moments while clients file complaints and deadlines fall due. Then one
 * server runs undisturbed until the outbox is empty, and the drill counts.
 */
export function killDrill(o: KillOptions): Promise<Verdict> {
  return withStack({ appendOnlyRedis: true }, async (stack) => {
    const first = await stack.serve();
    // About how long the kills will take, to spread the deadlines over them.
    const estimatedMs = o.kills * 3_500;
    const start = Date.now();
    const dueIds = await casesFallingDue(stack, o.dueCases, 5_000, Math.max(10_000, estimatedMs * 0.9));
    await first.stop('SIGKILL');
    const load = fileContinuously(stack.baseUrl, o.clients, 'kill', { timeoutMs: 5_000, emailShare: EMAIL_SHARE });
    let servedKills = 0;
    for (let k = 0; k < o.kills; k++) {
      const server = stack.spawn('main', { LOG_LEVEL: 'info' });
      if (Math.random() < BOOT_KILLS) await Promise.race([sleep(Math.random() * 2_000), server.exited]);
      else if (await untilListening(server)) await Promise.race([sleep(Math.random() * SERVING_MS), server.exited]);
      if (listening(server)) servedKills++;
      await server.stop('SIGKILL');
      // A long run says where it is.
      if ((k + 1) % 50 === 0) process.stderr.write(`  kill-9: ${k + 1} of ${o.kills} kills, ${load.tally.filed.length} filings so far\n`);
    }
    const killsMs = Date.now() - start;
    const stableFrom = Date.now();
    const last = await stack.serve();
    const tally = await load.stop();
    const settled = await settleOutbox(stack, 180_000 + Math.max(0, start + estimatedMs - Date.now()));
    const unsettled = settled ? [] : await describeUnsettled(stack);
    // Every case that fell due has had its time: the last moment is behind us now.
    const counts = combine(
      await checkFilings(stack, tally.filed),
      await checkDeadlines(stack, dueIds, new Date()),
      await checkMail(stack, LATE_MS, { stableFrom }),
    );
    await last.stop('SIGTERM');
    return {
      name: 'kill-9',
      ...counts,
      servedKills,
      figures: [
        `${o.kills} kills in ${seconds(killsMs)} (${servedKills} of them after the server listened), ${o.clients} clients: ${statusSummary(tally)}, ${tally.refused} refused, ${tally.cut} cut off by a kill`,
        ...counts.figures,
        ...unsettled,
      ],
      problems: settled ? [] : ['the outbox did not settle within the bound'],
    };
  });
}
