import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { SMTPServer } from 'smtp-server';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import { createDataSource } from '../src/database/data-source';
import { migrateDatabase } from '../src/database/migrate';
import { DeadlineReconciler } from '../src/modules/deadlines/deadline-reconciler.service';
import { seedReferenceData } from '../src/seed/seed';
import { bulkLoad } from './dataset';
import { loadNow } from './load';
import { BenchRedis, REDIS_URL } from './server';
import { BENCH_PASSWORD } from './staff';

/**
 * The deadline engine at scale, on a Redis of its own (another port, so
 * that INFO memory counts only our timers) and a database of its own:
 * Redis memory per timer and the reconciler's time at 100,000 and
 * 1,000,000 open cases, and how soon a notice follows its deadline when
 * 10,000 cases fall due in the same minute.
 */
const SERVER = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres:postgres@127.0.0.1:5432';
export const DEADLINES_DB = 'bench_rongrian_deadlines';

export interface DeadlineSettings {
  /** Open cases (with one pending timer each) at which memory and the reconciler are measured. */
  sizes: number[];
  /** Cases falling due together, and the window they fall due in. */
  burst: number;
  burstWindowMs: number;
  /** Time given to load the burst's cases, start the application and set their timers before the first falls due. */
  leadMs: number;
}

export interface DeadlineResults {
  burst: { committed: number; sent: number; p50: number; p99: number; max: number; sentP99: number; load: number; rate: number };
  timers: Array<{ size: number; bytesPerTimer: number; mib: number; restoreS: number; checkS: number; load: number }>;
  report: string;
}

const ms = (n: number) => n.toFixed(1);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - t0) / 1e6, value];
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1]);
}

async function freshDatabase(): Promise<DataSource> {
  const admin = new Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DEADLINES_DB} WITH (FORCE)`);
  await admin.end();
  await migrateDatabase(`${SERVER}/${DEADLINES_DB}`);
  const ds = createDataSource(`${SERVER}/${DEADLINES_DB}`);
  await ds.initialize();
  await seedReferenceData(ds, BENCH_PASSWORD);
  return ds;
}

/**
 * `count` open cases of the works division, numbered from `from`, due
 * `dueFrom` + up to `spreadMs`; with complainants who gave an address when
 * `withEmail` (the burst needs someone to tell).
 */
async function loadOpenCases(ds: DataSource, from: number, count: number, dueFrom: Date, spreadMs: number, withEmail: boolean): Promise<void> {
  await bulkLoad(ds, () =>
    ds.query(
      `WITH g AS (SELECT g, gen_random_uuid() AS pid FROM generate_series($1::int, $1::int + $2::int - 1) g),
       p AS (INSERT INTO complainants (id, name, email)
             SELECT pid, 'ผู้ร้อง ' || g, CASE WHEN $5 THEN 'citizen' || g || '@bench.example' END FROM g)
       INSERT INTO cases (kind, channel, status, fiscal_year, sequence, reference_no, tracking_code, subject, description,
                          complainant_id, department_id, received_at, due_at)
       SELECT 'general', 'web', 'in_progress', 2570, g, 'G-2570-' || lpad(g::text, 7, '0'), 'BENCH' || lpad(g::text, 7, '0'),
              'เรื่องทดสอบ ' || g, 'รายละเอียด', pid, (SELECT id FROM departments WHERE code = 'works'),
              $3::timestamptz - interval '15 days' + (random() * $4::float8) * interval '1 millisecond',
              $3::timestamptz + (random() * $4::float8) * interval '1 millisecond'
       FROM g`,
      [from, count, dueFrom, spreadMs, withEmail],
    ),
  );
}

async function context(workers: boolean, prefix: string, smtpPort: number): Promise<INestApplicationContext> {
  const boot = loadConfig({
    DATABASE_URL: `${SERVER}/${DEADLINES_DB}`,
    REDIS_URL,
    METRICS_PORT: '0',
    REDIS_PREFIX: prefix,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(boot, { workers }), { logger: false });
  await app.init();
  return app;
}

async function startSink(): Promise<SMTPServer & { port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _s, cb) => {
      stream.on('data', () => undefined);
      stream.on('end', () => cb());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return Object.assign(server, { port: (server.server.address() as { port: number }).port });
}

export async function deadlineBenchmark(benchRedis: BenchRedis, settings: DeadlineSettings): Promise<DeadlineResults> {
  const redis: Redis = benchRedis.client;
  const sink = await startSink();
  const { burst: BURST, burstWindowMs, sizes } = settings;
  const out: string[] = [];
  try {
    // 1. A burst: BURST cases fall due within the window, starting shortly after their timers are set.
    let ds = await freshDatabase();
    await redis.flushall();
    // Their reminders went out days before; here only the deadline is measured.
    await ds.query(`INSERT INTO settings (key, value) VALUES ('deadline', '{"mode": "calendar", "reminderDaysBefore": []}')`);
    const dueFrom = new Date(Date.now() + settings.leadMs);
    await loadOpenCases(ds, 1, BURST, dueFrom, burstWindowMs, true);
    const api = await context(false, 'bench-burst', sink.port);
    const [setMs, set] = await time(() => api.get(DeadlineReconciler).reconcile());
    process.stdout.write(`  burst: ${set.restored} timers set in ${ms(setMs)} ms\n`);
    const setLate = Date.now() > dueFrom.getTime();
    const worker = await context(true, 'bench-burst', sink.port);
    const count = async (status: string | null) =>
      (
        await ds.query(
          `SELECT count(*)::int AS n FROM notifications WHERE template = 'deadline_notice' AND ($1::text IS NULL OR status = $1)`,
          [status],
        )
      )[0].n as number;
    // Measured for as long as it takes, up to five minutes after the last due date.
    const until = dueFrom.getTime() + burstWindowMs + 5 * 60_000;
    while ((await count('sent')) < BURST && Date.now() < until) await new Promise((r) => setTimeout(r, 1000));
    const burstLoad = loadNow();
    const delays: Array<{ queued: number; sent: number | null }> = await ds.query(
      `SELECT extract(epoch FROM n.created_at - c.due_at) * 1000 AS queued, extract(epoch FROM n.sent_at - c.due_at) * 1000 AS sent
       FROM notifications n JOIN cases c ON c.id = n.case_id WHERE n.template = 'deadline_notice'`,
    );
    await worker.close();
    await api.close();
    const queued = delays.map((d) => Number(d.queued)).sort((a, b) => a - b);
    const sent = delays.filter((d) => d.sent !== null).map((d) => Number(d.sent)).sort((a, b) => a - b);
    const burstResult = {
      committed: queued.length,
      sent: sent.length,
      p50: percentile(queued, 50),
      p99: percentile(queued, 99),
      max: queued[queued.length - 1],
      sentP99: percentile(sent, 99),
      load: burstLoad,
      // From the first due date to the last notice committed.
      rate: queued.length / Math.max(1, (queued[queued.length - 1] + burstWindowMs) / 1000),
    };
    out.push(
      `### ${BURST.toLocaleString('en')} deadlines in ${burstWindowMs / 1000} s`,
      '',
      `${BURST.toLocaleString('en')} open cases whose due dates fall within ${burstWindowMs / 1000} s, each with a complainant to tell; their timers set`,
      `by the reconciler in ${ms(setMs / 1000)} s; one worker process (the deadlines queue at concurrency 20, notifications at 5) and an SMTP`,
      'sink on loopback. Measured from each due date to the notice committed in the outbox (with the overdue fact, the timeline line and the',
      "escalations to the head and the centre, in one transaction), and to the SMTP server's acceptance of the complainant's mail (three",
      `mails per case go out). ${queued.length.toLocaleString('en')} notices committed, ${sent.length.toLocaleString('en')} mailed within five minutes (load average ${burstLoad}).`,
      ...(setLate ? ['**The timers were still being set when the first case fell due: the first delays include that.**'] : []),
      '',
      '| delay after the due date | p50 ms | p95 ms | p99 ms | max ms |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| notice committed (outbox row) | ${ms(percentile(queued, 50))} | ${ms(percentile(queued, 95))} | ${ms(percentile(queued, 99))} | ${ms(queued[queued.length - 1])} |`,
      `| mail accepted by the SMTP server | ${ms(percentile(sent, 50))} | ${ms(percentile(sent, 95))} | ${ms(percentile(sent, 99))} | ${ms(sent[sent.length - 1])} |`,
      '',
    );
    await ds.destroy();

    // 2. Memory and the reconciler, at each size: timers set from nothing (Redis emptied), then checked.
    ds = await freshDatabase();
    const rows: string[] = [];
    const timers: DeadlineResults['timers'] = [];
    let loaded = 0;
    for (const size of sizes) {
      await loadOpenCases(ds, loaded + 1, size - loaded, new Date(Date.now() + 3600_000), 14 * 24 * 3600_000, false);
      loaded = size;
      await redis.flushall();
      const before = await usedMemory(redis);
      const app = await context(false, 'bench-timers', sink.port);
      const reconciler = app.get(DeadlineReconciler);
      const [restoreMs, restored] = await time(() => reconciler.reconcile());
      const after = await usedMemory(redis);
      const [checkMs, checked] = await time(() => reconciler.reconcile());
      await app.close();
      const t = {
        size,
        bytesPerTimer: Math.round((after - before) / Math.max(1, restored.restored)),
        mib: (after - before) / 2 ** 20,
        restoreS: restoreMs / 1000,
        checkS: checkMs / 1000,
        load: loadNow(),
      };
      timers.push(t);
      rows.push(
        `| ${size.toLocaleString('en')} | ${restored.restored.toLocaleString('en')} | ${t.bytesPerTimer} | ${t.mib.toFixed(0)} | ${ms(t.restoreS)} | ${ms(t.checkS)} (${checked.checked.toLocaleString('en')} checked, ${checked.restored} missing) | ${t.load} |`,
      );
      process.stdout.write(`  ${rows[rows.length - 1]}\n`);
    }
    out.push(
      `### Timers at ${sizes.map((n) => n.toLocaleString('en')).join(' and ')} open cases`,
      '',
      'One delayed BullMQ job per open case (its next timer), on the Redis of the benchmark (`INFO memory`, `used_memory` before and',
      'after). "Restore" is the reconciler after Redis lost everything: it walks the open cases in chunks of 5,000 by id, works out each',
      'next timer from the database and adds the missing ones in bulk, two chunks at a time. "Check" is its routine round: one',
      "existence check per chunk. The few it finds missing are no loss: no worker runs here, so a case whose 1-day reminder came due",
      "between the two rounds, its 3-day one never fired, now wants the 1-day one (the 3-day one, stale, is skipped); about the",
      'cases due in one day times the seconds between the rounds.',
      '',
      '| open cases | timers set | bytes per timer | Redis MiB | restore s | check s | load avg |',
      '| ---: | ---: | ---: | ---: | ---: | --- | ---: |',
      ...rows,
      '',
    );
    await ds.destroy();
    await redis.flushall();
    return { burst: burstResult, timers, report: out.join('\n') };
  } finally {
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  }
}
