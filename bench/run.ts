import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fiscalYearOf } from '../src/common/time/thai-calendar';
import { createDataSource } from '../src/database/data-source';
import { DEFAULT_GROUP_COMMIT } from '../src/database/group-commit';
import { migrateDatabase } from '../src/database/migrate';
import { seedReferenceData } from '../src/seed/seed';
import { loadCases } from './dataset';
import { deadlineBenchmark, DEADLINES_DB, DeadlineSettings } from './deadlines';
import { benchIntake } from './intake';
import { loadNow, loadTable, Observer, QUICK } from './load';
import { observe } from './observe';
import { benchQueue } from './queue';
import { admin, DATABASE_SERVER, startRedis, startServer } from './server';
import { BENCH_PASSWORD } from './staff';
import { benchSummary } from './summary';
import { BENCH_POW_DIFFICULTY, benchWhistleblower, browserSolveMs } from './whistleblower';

/**
 * `npm run bench` (about 20 minutes) and `npm run bench -- --quick` (under
 * two, build included, smaller everywhere): builds its own
 * databases and Redis, measures over real HTTP against the built server in
 * a process of its own, writes docs/benchmarks.md (the quick run
 * docs/benchmarks-quick.md), and drops what it built.
 */
const SERVER = DATABASE_SERVER;
const DB = process.env.BENCH_DATABASE ?? 'bench_rongrian';
const KEEP = process.env.BENCH_KEEP === '1';

const SETTINGS = QUICK
  ? { cases: 30_000, queueRequests: 1000, deepPages: 10, summaryRequests: 1000, intakeRequests: 1000, whistleblowerRequests: 100,
      deadlines: { sizes: [5_000, 10_000], burst: 200, burstWindowMs: 4_000, leadMs: 5_000 } satisfies DeadlineSettings }
  : { cases: 1_000_000, queueRequests: 1000, deepPages: 50, summaryRequests: 1000, intakeRequests: 3000, whistleblowerRequests: 1000,
      deadlines: { sizes: [100_000, 1_000_000], burst: 10_000, burstWindowMs: 60_000, leadMs: 45_000 } satisfies DeadlineSettings };

const f0 = (n: number) => Math.round(n).toLocaleString('en');
const f1 = (n: number) => n.toFixed(1);

/**
 * A fixed single-core workload, timed: JSON in and out of a queue page's
 * worth of rows, as the server spends its time. Runs on hosts whose
 * vCPUs differ in speed (or in neighbours) compare by it.
 */
function calibrate(): number {
  const page = Array.from({ length: 25 }, (_, i) => ({
    id: `0000000${i}-0000-4000-8000-000000000000`,
    referenceNo: `G-2570-${String(i).padStart(6, '0')}`,
    subject: 'น้ำท่วมขังหลังฝนตก ซอย 5',
    receivedAt: new Date(1_700_000_000_000 + i).toISOString(),
    overdue: i % 2 === 0,
  }));
  const t = performance.now();
  for (let i = 0; i < 20_000; i++) JSON.parse(JSON.stringify(page));
  return performance.now() - t;
}

const dropDatabases = () =>
  admin(async (c) => {
    for (const db of [DB, DEADLINES_DB]) await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  });

interface Verdict {
  figure: string;
  target: string;
  measured: string;
  met: boolean | null;
  /** Where the time went, measured while the figure was taken. */
  why?: string;
}

async function main() {
  const started = new Date();
  const loadAtStart = loadavg()[0];
  const calibrationAtStart = calibrate();
  const t0 = Date.now();
  const step = (what: string) => process.stdout.write(`[${f0((Date.now() - t0) / 1000)} s, load ${loadNow()}] ${what}\n`);
  await dropDatabases();
  const redis = await startRedis();
  try {
    // 1. The register: a municipality's years of cases, loaded on the server by generate_series.
    const url = `${SERVER}/${DB}`;
    step(`migrating ${DB} and loading ${f0(SETTINGS.cases)} cases`);
    await migrateDatabase(url);
    const ds = createDataSource(url);
    await ds.initialize();
    await seedReferenceData(ds, BENCH_PASSWORD);
    const loadStart = Date.now();
    await loadCases(ds, SETTINGS.cases);
    const loadS = (Date.now() - loadStart) / 1000;
    const fiscalYear = fiscalYearOf(new Date());
    const [shape] = await ds.query(
      `SELECT count(*) FILTER (WHERE kind = 'general')::int AS general,
              count(*) FILTER (WHERE status IN ('received','accepted','assigned','in_progress'))::int AS open,
              count(*) FILTER (WHERE fiscal_year = $1)::int AS "thisYear",
              count(DISTINCT channel)::int AS channels,
              pg_size_pretty(pg_total_relation_size('cases')) AS size,
              (SELECT string_agg(status || ' ' || n, ', ' ORDER BY n DESC) FROM (SELECT status, count(*) AS n FROM cases GROUP BY 1) s) AS statuses
       FROM cases`,
      [fiscalYear],
    );
    const [{ pg, shared_buffers, synchronous_commit }] = await ds.query(
      `SELECT version() AS pg, current_setting('shared_buffers') AS shared_buffers, current_setting('synchronous_commit') AS synchronous_commit`,
    );
    await ds.destroy();
    const redisVersion = /redis_version:(\S+)/.exec(await redis.client.info('server'))?.[1];

    // 2. Over HTTP against the server in its own process.
    const server = await startServer(url, { WHISTLEBLOWER_POW_DIFFICULTY: String(BENCH_POW_DIFFICULTY) });
    const observer: Observer = (work, requests) => observe(server.pid, url, work, requests);
    let queue, summary, intake, whistleblower;
    try {
      step('queue at 64 connections');
      queue = await benchQueue(server.base, SETTINGS.queueRequests, SETTINGS.deepPages, observer, QUICK);
      step('statistics at 16 connections');
      summary = await benchSummary(server.base, fiscalYear, SETTINGS.summaryRequests, observer);
      step('intake at 16, 64, 256 connections and the plain-client ceiling');
      intake = await benchIntake(server.base, url, SETTINGS.intakeRequests, observer);
      step('whistleblower reports at 1, 4, 16 clients');
      whistleblower = await benchWhistleblower(server.base, SETTINGS.whistleblowerRequests);
    } finally {
      await server.stop();
    }

    // 3. Timers, on their own database.
    step('deadline timers');
    const deadlines = await deadlineBenchmark(redis, SETTINGS.deadlines);
    step('done');

    const at64 = intake.http.find((r) => r.connections === 64)!;
    const ratio = at64.rps / intake.ceiling.tps;
    const worstQueue = queue.reduce((a, b) => (b.p99 > a.p99 ? b : a));
    const monthly = summary[0];
    const largest = deadlines.timers[deadlines.timers.length - 1];
    const wb16 = whistleblower.find((w) => w.clients === 16)!;
    const solveMs = browserSolveMs(QUICK ? 5 : 20);
    const verdicts: Verdict[] = [
      {
        figure: 'intake at 64 connections',
        target: '≥ 1,500 filings/s, p99 < 50 ms',
        measured: `${f0(at64.rps)}/s, p50 ${at64.p50} ms, p99 ${at64.p99} ms (load ${at64.load})`,
        met: at64.rps >= 1500 && at64.p99 < 50,
        why: `${f1(intake.grouping.filings / Math.max(1, intake.grouping.transactions))} filings per transaction; ${at64.why}`,
      },
      {
        figure: 'intake against the one-filing-per-transaction ceiling',
        target: 'above it',
        measured: `${f0(at64.rps)}/s against ${f0(intake.ceiling.tps)}/s: ×${ratio.toFixed(2)}`,
        met: ratio > 1,
      },
      {
        figure: 'register numbers after the run',
        target: 'gap-free',
        measured: `${f0(intake.register.count)} cases of FY ${fiscalYear}, highest number ${f0(intake.register.max)}`,
        met: intake.register.count === intake.register.max,
      },
      {
        figure: 'whistleblower reports at 16 clients',
        target: '≥ 30/s, no errors',
        measured: `${f1(wb16.rps)}/s, p99 ${wb16.p99} ms, ${wb16.errors} errors (load ${wb16.load})`,
        met: wb16.rps >= 30 && wb16.errors === 0,
      },
      {
        figure: `queue at ${f0(SETTINGS.cases)} cases, 64 connections, slowest of ${queue.length} lists`,
        target: 'p99 < 20 ms',
        measured: `${worstQueue.name}: p99 ${worstQueue.p99} ms (load ${worstQueue.load})`,
        met: worstQueue.p99 < 20,
        why: worstQueue.why,
      },
      {
        figure: `monthly summary at ${f0(SETTINGS.cases)} cases`,
        target: 'p99 < 100 ms',
        measured: `p99 ${monthly.p99} ms, ${f0(monthly.rps)} req/s (load ${monthly.load})`,
        met: monthly.p99 < 100,
        why: monthly.why,
      },
      ...deadlines.timers.map((t) => ({
        figure: `Redis memory per pending timer at ${f0(t.size)}`,
        target: '(measured)',
        measured: `${t.bytesPerTimer} bytes (${t.mib.toFixed(0)} MiB)`,
        met: null,
      })),
      {
        figure: `reconcile ${f0(largest.size)} timers from an empty Redis`,
        target: '< 60 s',
        measured: `${f1(largest.restoreS)} s (routine check ${f1(largest.checkS)} s; load ${largest.load})`,
        met: largest.restoreS < 60,
        why: `${f0(largest.size / largest.restoreS)} timers set per second`,
      },
      {
        figure: `lateness of ${f0(SETTINGS.deadlines.burst)} deadline notices due in ${SETTINGS.deadlines.burstWindowMs / 1000} s`,
        target: 'p99 < 5 s',
        measured: `p99 ${f1(deadlines.burst.p99 / 1000)} s, max ${f1(deadlines.burst.max / 1000)} s (${f0(deadlines.burst.committed)} committed; load ${deadlines.burst.load})`,
        met: deadlines.burst.p99 < 5000,
        why: `notices committed at ${f0(deadlines.burst.rate)}/s once due`,
      },
    ];
    const verdict = (v: Verdict) => (v.met === null ? '—' : v.met ? 'met' : '**missed**');
    const loadAtEnd = loadavg()[0];
    const calibrationAtEnd = calibrate();
    const busy = Math.max(loadAtStart, loadAtEnd, ...[...queue, ...summary, ...intake.http].map((r) => r.load)) > cpus().length;

    const report = `# Benchmarks

Written by \`npm run bench${QUICK ? ' -- --quick' : ''}\` on ${started.toISOString().replace(/\.\d+Z$/, 'Z')}, in ${f0((Date.now() - t0) / 60_000)} minutes.${
      QUICK ? ' **The quick run: smaller register, fewer requests; the targets are set for the full run.**' : ''
    }

**Machine**: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB; load average ${f1(loadAtStart)} at the start,
${f1(loadAtEnd)} at the end (each figure below carries the load average when it was taken: above ${cpus().length}, other work on
the host was taking CPU from the benchmark). Calibration (\`calibrate\` in bench/run.ts, a fixed single-core
workload of JSON in and out): ${f0(calibrationAtStart)} ms at the start, ${f0(calibrationAtEnd)} ms at the end; a run on a slower host
or beside busy neighbours takes longer, and its figures are lower by about as much.
**Versions**: Node ${process.version}; ${String(pg).split(' on ')[0]} (shared_buffers ${shared_buffers}, synchronous_commit ${synchronous_commit}, on the same host);
Redis ${redisVersion} (a throw-away instance of the benchmark's own); autocannon 8, in a worker thread of the benchmark process.
**Settings**: the built server (\`dist-bench/src/main.js\`) in a process of its own, \`NODE_ENV=production\`, the HTTP API without the job
workers, logging and public rate limits off, a pool of 20 Postgres connections; group commit of up to ${DEFAULT_GROUP_COMMIT.maxGroup}
filings, ${DEFAULT_GROUP_COMMIT.inFlight} groups in flight. Each figure is one autocannon run of the stated number of requests after an
unmeasured warm-up; latency is from the request written to the response read.

## Verdicts

| figure | target | measured | verdict | where the time went (measured) |
| --- | --- | --- | --- | --- |
${verdicts.map((v) => `| ${v.figure} | ${v.target} | ${v.measured} | ${verdict(v)} | ${v.why ?? ''} |`).join('\n')}
${
  busy
    ? `\nThe host was shared while this ran (load average above its ${cpus().length} cores for some figures): a figure taken under load is slower than the same code on an idle machine, and a missed target may be the host's. Rerun on a quiet machine before concluding.\n`
    : ''
}
## The register

${f0(SETTINGS.cases)} cases (\`bench/dataset.ts\`, one \`INSERT … SELECT … generate_series\`): ${f0(shape.general)} general and the rest
corruption, over five years of received dates (more of them recent), FY ${fiscalYear} holding ${f0(shape.thisYear)}; ${shape.channels}
channels, five departments, Thai subjects; ${f0(shape.open)} open. Statuses: ${shape.statuses}. Loaded in ${f1(loadS)} s; the
\`cases\` table with its indexes is ${shape.size}.

## Intake: \`POST /api/v1/complaints\`

Citizens' filings (${'six'} different Thai complaints in turn, with and without an email address and a category), each one the whole
registration: complainant, number, case, timeline line, the acknowledgement in the outbox; the mail and the deadline timer queued after
the commit. Filings that arrive together are committed together (\`src/database/group-commit.ts\`); every one is answered 201 only after
its group's COMMIT. ${f0(intake.grouping.filings)} filings of this section went in ${f0(intake.grouping.transactions)} transactions
(${f1(intake.grouping.filings / Math.max(1, intake.grouping.transactions))} per transaction).

${loadTable(intake.http)}

**The ceiling** of the same durable work one filing per transaction, from ${intake.ceiling.clients} plain \`pg\` connections (the server's
pool size) in a loop, as a pgbench custom script would run it (\`bench/intake.ts\`, the statements the server sends, captured from it):
${f0(intake.ceiling.transactions)} transactions, ${f0(intake.ceiling.tps)}/s, p50 ${intake.ceiling.p50} ms, p99 ${intake.ceiling.p99} ms (load ${intake.ceiling.load}).
Each transaction holds the counter row from its number to its COMMIT, so they pass it one at a time. Intake over HTTP at 64
connections against it: **×${ratio.toFixed(2)}**.

## Whistleblower reports: \`POST /api/v1/whistleblower/reports\`

Each client in a loop; the challenges (\`GET /api/v1/whistleblower/challenge\`) are taken and solved before the clock starts. The
server here hands out ${BENCH_POW_DIFFICULTY}-bit challenges: it checks one hash whatever the difficulty, and one load generator cannot
spend sixteen browsers' CPU; at the deployed 16 bits a browser's share is ${f0(solveMs)} ms on one core of this machine.
${SETTINGS.whistleblowerRequests} reports per figure, some with an identity (sealed in the vault), with the accused and a date.

| clients | reports | reports/s | p50 ms | p99 ms | errors | load avg |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${whistleblower.map((w) => `| ${w.clients} | ${w.submissions} | ${f1(w.rps)} | ${w.p50} | ${w.p99} | ${w.errors} | ${w.load} |`).join('\n')}

## The officer queue at ${f0(SETTINGS.cases)} cases: \`GET /api/v1/cases\`

Limit 25 with the per-status counts, 64 connections, ${SETTINGS.queueRequests} requests per line.

${loadTable(queue, 'list')}

## Statistics at ${f0(SETTINGS.cases)} cases: \`GET /api/v1/reports/summary\`

16 connections, ${SETTINGS.summaryRequests} requests per line; FY ${fiscalYear}. The summary is computed when a change has committed since it
was last computed and served again while nothing changed; the intake section runs after this one.

${loadTable(summary)}

## Deadline timers

${deadlines.report}
${readFileSync(join(__dirname, '..', '..', 'bench', 'closing-note.md'), 'utf8')}`;
    // The quick run writes a file of its own: it never replaces the full run's figures.
    writeFileSync(process.env.BENCH_REPORT ?? join(__dirname, '..', '..', 'docs', QUICK ? 'benchmarks-quick.md' : 'benchmarks.md'), report);
    process.stdout.write(`\n${report}`);
  } finally {
    await redis.stop();
    if (!KEEP) await dropDatabases();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
