import { killDrill } from './kill-drill';
import { outboxDrill } from './outbox-drill';
import { postgresDrill } from './postgres-drill';
import { redisDrill } from './redis-drill';
import { sigtermDrill } from './sigterm-drill';
import { smtpDrill } from './smtp-drill';
import { sqlmapDrill } from './sqlmap';
import { destroyAllStacks } from './stack';
import { failedVerdict, passed, report, Verdict } from './verdict';

export interface DrillPlan {
  name: string;
  run: () => Promise<Verdict>;
}

export function drillPlan(quick: boolean): DrillPlan[] {
  return [
    { name: 'kill-9', run: () => killDrill(quick ? { kills: 5, clients: 4, dueCases: 6 } : { kills: 200, clients: 4, dueCases: 60 }) },
    {
      name: 'smtp-down',
      run: () =>
        smtpDrill(quick ? { outageMs: 15_000, filings: 3, retryDelayMs: 1_000 } : { outageMs: 10 * 60_000, filings: 20, retryDelayMs: 5_000 }),
    },
    { name: 'redis-restart-and-flushall', run: () => redisDrill({ casesPerPhase: quick ? 3 : 20 }) },
    { name: 'commit-then-kill', run: () => outboxDrill({ filings: quick ? 3 : 20 }) },
    { name: 'postgres-restart', run: () => postgresDrill(quick ? { downMs: 4_000, clients: 4 } : { downMs: 20_000, clients: 8 }) },
    { name: 'sigterm', run: () => sigtermDrill({ clients: quick ? 4 : 8, loadMs: quick ? 3_000 : 10_000 }) },
  ];
}

/**
 * Runs the drills two at a time (each has its own Postgres, Redis and
 * server; much of a drill is waiting on a timer of the system's, such as
 * BullMQ's 30 s stalled-job check) and prints each verdict as it comes.
 */
export async function runDrills(
  plan: DrillPlan[],
  { concurrency = 2, print = (line: string) => void process.stdout.write(`${line}\n`) } = {},
): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  const queue = [...plan];
  const worker = async () => {
    for (let drill = queue.shift(); drill; drill = queue.shift()) {
      const started = Date.now();
      let verdict: Verdict;
      try {
        verdict = await drill.run();
      } catch (err) {
        verdict = failedVerdict(drill.name, err);
      }
      verdict.figures.push(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
      print(report(verdict));
      verdicts.push(verdict);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return verdicts;
}

async function main(argv: string[]): Promise<number> {
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  if (argv.includes('--sqlmap')) return (await sqlmapDrill((l) => void process.stdout.write(`${l}\n`), only)) ? 0 : 1;
  let plan = drillPlan(argv.includes('--quick'));
  if (only) plan = plan.filter((d) => only.includes(d.name));
  const verdicts = await runDrills(plan);
  return verdicts.every(passed) ? 0 : 1;
}

if (require.main === module) {
  const interrupt = () => void destroyAllStacks().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  main(process.argv.slice(2))
    .then((code) => (process.exitCode = code))
    .catch(async (err) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    })
    .finally(() => destroyAllStacks());
}
