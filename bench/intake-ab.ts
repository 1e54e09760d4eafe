import { createDataSource } from '../src/database/data-source';
import { migrateDatabase } from '../src/database/migrate';
import { seedReferenceData } from '../src/seed/seed';
import { loadCases } from './dataset';
import { filingsPerCommit, intakeRequests } from './intake';
import { hostJiffies, processCpuSeconds } from './observe';
import { measure } from './load';
import { BENCH_PASSWORD } from './staff';
import { admin, DATABASE_SERVER, onDatabase, startRedis, startServer } from './server';

/**
 * Intake alone, for comparing two builds of the server (an A/B): run
 * `npm run bench:intake-ab` in a checkout of each, in turn, several times.
 * On a shared host runs of the same code differ by 20 % or more, so one run
 * of each says nothing; the average of several, taken in turn, does.
 *
 * Each run files on a fresh copy of a loaded register (the template
 * `bench_ab_<cases>`, loaded once and kept for the next run: drop it when
 * done), at 64 connections, and prints the rate, the latency and the whole
 * host's CPU per filing. BENCH_AB_CASES (default 1,000,000),
 * BENCH_AB_FILINGS per figure (8,000) and BENCH_AB_FIGURES (2) set the size.
 */
const CASES = Number(process.env.BENCH_AB_CASES ?? 1_000_000);
const FILINGS = Number(process.env.BENCH_AB_FILINGS ?? 8_000);
const FIGURES = Number(process.env.BENCH_AB_FIGURES ?? 2);
const TEMPLATE = `bench_ab_${CASES}`;
const DB = 'bench_ab_run';

/** Milliseconds of CPU the whole host has spent (its busy jiffies are hundredths of a second). */
const hostCpuMs = () => hostJiffies().busy * 10;

const now = (url: string) => onDatabase(url, async (c) => (await c.query<{ at: Date }>('SELECT clock_timestamp() AS at')).rows[0].at);

async function main() {
  if (!(await admin((c) => c.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]))).rowCount) {
    await admin((c) => c.query(`CREATE DATABASE ${TEMPLATE}`));
    await migrateDatabase(`${DATABASE_SERVER}/${TEMPLATE}`);
    const ds = createDataSource(`${DATABASE_SERVER}/${TEMPLATE}`);
    await ds.initialize();
    await seedReferenceData(ds, BENCH_PASSWORD);
    await loadCases(ds, CASES);
    await ds.destroy();
  }
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${DB} TEMPLATE ${TEMPLATE}`);
  });
  const url = `${DATABASE_SERVER}/${DB}`;
  // The build under test may have migrations the template's build did not.
  await migrateDatabase(url);
  const redis = await startRedis();
  const server = await startServer(url);
  try {
    for (let figure = 0; figure < FIGURES; figure++) {
      const before = { host: hostCpuMs(), server: processCpuSeconds(server.pid) * 1000, at: await now(url) };
      await measure({ name: 'POST /api/v1/complaints', url: server.base, connections: 64, amount: FILINGS, requests: intakeRequests, warmup: 64 });
      const host = (hostCpuMs() - before.host) / FILINGS;
      const serverMs = (processCpuSeconds(server.pid) * 1000 - before.server) / FILINGS;
      const { filings, transactions } = await onDatabase(url, (c) => filingsPerCommit(c, before.at));
      process.stdout.write(
        `    CPU per filing: whole host ${host.toFixed(2)} ms, server ${serverMs.toFixed(2)} ms; ${(filings / Math.max(1, transactions)).toFixed(1)} filings per transaction\n`,
      );
    }
  } finally {
    await server.stop();
    await redis.stop();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`));
  }
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
