/**
 * Measures a built server (`npm run build`) under the uploads of the
 * hardening issue, in a process of its own so that its memory is its own:
 *
 *   node -r @swc-node/register test/attachments/load/measure-uploads.ts [dist-dir]
 *
 * - memory: resident set before, and its peak (VmHWM) during, ten
 *   concurrent web-form posts of 5 × 10 MB;
 * - the crafted 8 KB Word file of the issue: time to the answer, alone and
 *   four at once, while a second client polls the health check (the
 *   slowest health answer is what other clients feel).
 *
 * Everything runs on loopback against the local Postgres and Redis, in a
 * database of its own that is dropped at the end.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { difatLoop } from '../crafted-compound-files';
import { MultipartStream } from '../multipart-stream';
import * as sample from '../sample-files';

const dist = resolve(process.argv[2] ?? 'dist');
const PORT = 3900 + Math.floor(Math.random() * 90);
const BASE = `http://127.0.0.1:${PORT}`;
const DB = `rongrian_att_measure_${process.pid}`;
const SERVER = 'postgres://postgres:postgres@127.0.0.1:5432';
const MB = 1024 * 1024;

const FORM = {
  lang: 'th',
  subject: 'ทดสอบการแนบไฟล์',
  description: 'แนบรูปถ่ายห้ารูป',
  'complainant.name': 'ผู้ทดสอบ',
  consent: 'yes',
};

async function main(): Promise<void> {
  const attachmentsDir = await mkdtemp(join(tmpdir(), 'rongrian-measure-'));
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(PORT),
    DATABASE_URL: `${SERVER}/${DB}`,
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `rongrian-measure-${randomUUID()}`,
    ATTACHMENTS_DRIVER: 'local',
    ATTACHMENTS_DIR: attachmentsDir,
    PUBLIC_RATE_LIMIT: '0',
    WORKERS_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    SEED_PASSWORD: 'measure-only-password',
  };
  await run('node', [join(dist, 'src/database/migrate.main.js')], env);
  await run('node', [join(dist, 'src/database/seed.main.js')], env);
  const server = spawn('node', [join(dist, 'src/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await until(async () => (await fetch(`${BASE}/api/v1/health`).catch(() => null))?.ok === true, 30_000);
    await postForm([{ name: 'warm-up.png', size: 1024 }]);
    await postCrafted();

    const before = await memory(server);
    await writeFile(`/proc/${server.pid}/clear_refs`, '5'); // resets the peak (VmHWM) to now
    const files = Array.from({ length: 5 }, (_, i) => ({ name: `photo-${i}.png`, size: 10 * MB }));
    const started = performance.now();
    const statuses = await Promise.all(Array.from({ length: 10 }, () => postForm(files)));
    const uploadSeconds = (performance.now() - started) / 1000;
    const after = await memory(server);

    const one = await withHealthPolled(() => postCrafted());
    const four = await withHealthPolled(() => Promise.all([1, 2, 3, 4].map(() => postCrafted())));
    console.log(
      JSON.stringify(
        {
          dist,
          uploads: {
            requests: statuses.length,
            statuses: [...new Set(statuses)],
            seconds: round(uploadSeconds),
            rssBeforeMb: before.rssMb,
            rssPeakMb: after.peakMb,
            rssAfterMb: after.rssMb,
          },
          craftedAlone: { status: one.result.status, seconds: round(one.seconds), slowestHealthMs: round(one.slowestHealthMs), healthAnswers: one.answers },
          craftedFourAtOnce: {
            statuses: four.result.map((r) => r.status),
            seconds: round(four.seconds),
            slowestHealthMs: round(four.slowestHealthMs),
            healthAnswers: four.answers,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await rm(attachmentsDir, { recursive: true, force: true });
    const c = new Client({ connectionString: `${SERVER}/postgres` });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await c.end();
  }
}

async function postForm(files: Array<{ name: string; size: number }>): Promise<number> {
  const form = new MultipartStream(`${BASE}/complaints/new`);
  for (const [k, v] of Object.entries(FORM)) await form.field(k, v);
  for (const f of files) await form.file('files', { ...f, head: sample.png().subarray(0, 33), contentType: 'image/png' });
  return (await form.end()).status;
}

async function postCrafted(): Promise<{ status: number }> {
  const crafted = difatLoop();
  const form = new MultipartStream(`${BASE}/complaints/new`);
  for (const [k, v] of Object.entries(FORM)) await form.field(k, v);
  await form.file('files', { name: 'form.doc', size: crafted.length, head: crafted });
  return { status: (await form.end()).status };
}

/** `work`, timed, while another client asks for the health check back to back. */
async function withHealthPolled<T>(work: () => Promise<T>) {
  let done = false;
  let slowest = 0;
  let answers = 0;
  const poller = (async () => {
    while (!done) {
      const t0 = performance.now();
      await fetch(`${BASE}/api/v1/health`).then((r) => r.arrayBuffer());
      slowest = Math.max(slowest, performance.now() - t0);
      answers++;
    }
  })();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  done = true;
  await poller;
  return { result, seconds, slowestHealthMs: slowest, answers };
}

async function memory(p: ChildProcess): Promise<{ rssMb: number; peakMb: number }> {
  const status = await readFile(`/proc/${p.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rssMb: round(kb('VmRSS') / 1024), peakMb: round(kb('VmHWM') / 1024) };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((ok, fail) => {
    const p = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    p.once('exit', (code) => (code === 0 ? ok() : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

async function until(probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('the server did not come up');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
