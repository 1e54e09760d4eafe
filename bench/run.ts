import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { StaffTokens } from '../src/modules/auth/staff-tokens';
import { loadConfig } from '../src/config/app-config';
import { createDataSource } from '../src/database/data-source';
import { migrateDatabase } from '../src/database/migrate';
import { seedReferenceData } from '../src/seed/seed';
import { createHttpApp } from '../src/http-app';
import { loadCases } from './dataset';
import { benchSummary, summaryTable } from './summary';
import { fiscalYearOf } from '../src/common/time/thai-calendar';
import { deadlineBenchmark } from './deadlines';

const TOTAL = Number(process.env.BENCH_CASES ?? 1_000_000);
const SERVER = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres:postgres@127.0.0.1:5432';
// Its own name when several people benchmark on one server.
const DB = process.env.BENCH_DATABASE ?? 'rongrian_bench';
const PASSWORD = 'bench-password-1';
const RUNS = 40;

type Inject = NestFastifyApplication['inject'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const ms = (n: number) => n.toFixed(1);

async function time(fn: () => Promise<void>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function main() {
  const rows: string[] = [];
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

  const admin = new Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.end();
  const url = `${SERVER}/${DB}`;
  await migrateDatabase(url);
  const ds = createDataSource(url);
  await ds.initialize();
  await seedReferenceData(ds, PASSWORD);
  process.stdout.write(`loading ${TOTAL} cases...\n`);
  const loadMs = await time(() => loadCases(ds, TOTAL));
  const [{ general, open }] = await ds.query(
    `SELECT count(*) FILTER (WHERE kind = 'general')::int AS general,
            count(*) FILTER (WHERE status IN ('received','accepted','assigned','in_progress'))::int AS open FROM cases`,
  );
  const [{ size }] = await ds.query(`SELECT pg_size_pretty(pg_total_relation_size('cases')) AS size`);
  await ds.destroy();

  const app = await createHttpApp(
    loadConfig({
      DATABASE_URL: url,
      REDIS_PREFIX: 'rongrian-bench',
      PUBLIC_RATE_LIMIT: '0',
      WORKERS_ENABLED: 'false',
      LOG_LEVEL: 'silent',
    }),
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const inject: Inject = app.inject.bind(app);

  const token = async (email: string) => {
    const res = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
    return `Bearer ${res.json().accessToken}`;
  };
  const center = await token('center@example.go.th');
  const works = await token('works@example.go.th');
  const worksHead = await token('works.head@example.go.th');
  // The integrity role signs in with a one-time code (two-factor); the benchmark issues its token directly.
  const [integrityUser] = await app.get(DataSource).query(
    `SELECT id, role, token_version AS "tokenVersion" FROM users WHERE email = 'integrity@example.go.th'`,
  );
  const integrity = `Bearer ${(await app.get(StaffTokens).issueAccess(integrityUser)).accessToken}`;

  const firstPage = await inject({ method: 'GET', url: '/api/v1/cases?limit=25', headers: { authorization: center } });
  const cursor = firstPage.json().nextCursor as string;
  const sampleRef = firstPage.json().items[5].referenceNo as string;

  const scenarios: Array<[string, string, string]> = [
    ['centre: all general, by due date', center, '/api/v1/cases'],
    ['centre: page 2 (keyset cursor)', center, `/api/v1/cases?cursor=${cursor}`],
    ['centre: newest received first', center, '/api/v1/cases?sort=-receivedAt'],
    ['centre: view unscreened', center, '/api/v1/cases?view=unscreened'],
    ['centre: view due within 3 days', center, '/api/v1/cases?view=due_soon'],
    ['centre: view overdue', center, '/api/v1/cases?view=overdue'],
    ['centre: view awaiting explanation', center, '/api/v1/cases?view=awaiting_explanation'],
    ['centre: status in_progress, recently updated', center, '/api/v1/cases?status=in_progress&sort=-updatedAt'],
    ['centre: search by reference number', center, `/api/v1/cases?q=${sampleRef}`],
    ['centre: search subject words', center, `/api/v1/cases?q=${encodeURIComponent('น้ำท่วมขัง 12345')}`],
    ['officer (works): department queue', works, '/api/v1/cases'],
    ['officer (works): view mine', works, '/api/v1/cases?view=mine'],
    ['head (works): view overdue', worksHead, '/api/v1/cases?view=overdue'],
    ['integrity: corruption queue', integrity, '/api/v1/cases'],
  ];

  rows.push('| query (limit 25, with per-status counts) | p50 ms | p95 ms | max ms |', '| --- | ---: | ---: | ---: |');
  for (const [name, auth, path] of scenarios) {
    const samples: number[] = [];
    for (let i = 0; i < RUNS + 3; i++) {
      const took = await time(async () => {
        const res = await inject({ method: 'GET', url: path, headers: { authorization: auth } });
        if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
      });
      if (i >= 3) samples.push(took);
    }
    samples.sort((a, b) => a - b);
    rows.push(`| ${name} | ${ms(percentile(samples, 50))} | ${ms(percentile(samples, 95))} | ${ms(samples[samples.length - 1])} |`);
    process.stdout.write(`${rows[rows.length - 1]}\n`);
  }

  // Filing: the public endpoint under load, 20 at a time, through the full stack.
  const FILINGS = 1000;
  const CONCURRENCY = 20;
  const filingTimes: number[] = [];
  const body = {
    subject: 'ไฟถนนดับ',
    description: 'ไฟถนนดับทั้งซอย',
    categoryCode: 'street_lights',
    complainant: { name: 'ผู้ทดสอบ', phone: '0812345678' },
    consent: true,
  };
  let next = 0;
  const filingWall = await time(async () => {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < FILINGS) {
          next++;
          filingTimes.push(
            await time(async () => {
              const res = await inject({ method: 'POST', url: '/api/v1/complaints', payload: body });
              if (res.statusCode !== 201) throw new Error(`filing: ${res.statusCode} ${res.body}`);
            }),
          );
        }
      }),
    );
  });
  filingTimes.sort((a, b) => a - b);

  await app.close();

  // The statistics, over real HTTP (a separate server on loopback).
  const fiscalYear = fiscalYearOf(new Date());
  const statsDb = createDataSource(url);
  const stats = await statsDb.initialize().then(async () => {
    const [row] = await statsDb.query(
      `SELECT count(*)::int AS received, count(first_resolved_at)::int AS resolved, count(overdue_at)::int AS overdue,
              (SELECT count(*)::int FROM case_feedback) AS ratings,
              (SELECT count(*)::int FROM report_cells) AS cells
       FROM cases WHERE fiscal_year = $1`,
      [fiscalYear],
    );
    await statsDb.destroy();
    return row as { received: number; resolved: number; overdue: number; ratings: number; cells: number };
  });
  const summaryResults = await benchSummary(url, PASSWORD, fiscalYear);
  clearInterval(sampler);
  const deadlines = await deadlineBenchmark();

  const report = `# Benchmarks

Written by \`npm run bench\` (${new Date().toISOString().slice(0, 10)}). Machine: ${cpus().length} cores,
${Math.round(totalmem() / 2 ** 30)} GiB, PostgreSQL and Redis on the same host. Every figure goes
through the whole stack in process (Fastify routing, auth guard, validation, service, SQL), without
the network.

## The queue at ${TOTAL.toLocaleString('en')} cases

${general.toLocaleString('en')} general cases, ${open.toLocaleString('en')} open, five departments,
five years of history (\`bench/dataset.ts\`). Loading took ${ms(loadMs / 1000)} s; the \`cases\` table
with its indexes is ${size}. ${RUNS} runs per query after 3 warm-up runs.

${rows.join('\n')}

## Filing

${FILINGS} complaints through \`POST /api/v1/complaints\`, ${CONCURRENCY} at a time (register
number, complainant, case, event and outbox row in one transaction each; mail is queued, not sent):
${ms(FILINGS / (filingWall / 1000))} filings/s, p50 ${ms(percentile(filingTimes, 50))} ms,
p95 ${ms(percentile(filingTimes, 95))} ms.

## Statistics at ${TOTAL.toLocaleString('en')} cases

\`GET /api/v1/reports/summary\` and \`GET /api/v1/public/statistics\` over real HTTP on loopback,
autocannon with 16 connections from a worker thread (\`bench/summary.ts\`), ${summaryResults[0]?.requests ?? 0}
requests measured per line after 200 unmeasured. FY ${fiscalYear} holds ${stats.received.toLocaleString('en')} cases
(${stats.resolved.toLocaleString('en')} resolved, ${stats.overdue.toLocaleString('en')} ever overdue; ${stats.ratings.toLocaleString('en')}
ratings in all years); the rollup has ${stats.cells.toLocaleString('en')} rows for all years. Figures are exact as of
each request (kept by triggers at each commit), not cached.

${summaryTable(summaryResults)}

## Memory

Peak resident memory of the benchmark process (server and load generator together):
${Math.round(peakRss / 2 ** 20)} MiB.

${deadlines}`;
  writeFileSync(join(__dirname, '..', '..', 'docs', 'benchmarks.md'), report);
  process.stdout.write(report);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
