import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filingBody, send } from './load';
import { WHISTLEBLOWER_DRILL_ENV, whistleblowerTargets } from './sqlmap-whistleblower';
import { DrillStack, STAFF_PASSWORD, withStack } from './stack';

const SQLMAP = '/usr/bin/sqlmap';
/** Each target's run is bounded; a run cut short is inconclusive, which fails the verdict. */
const TARGET_TIMEOUT_MS = 15 * 60_000;

interface Target {
  name: string;
  /** `*` marks a path segment for sqlmap to inject into; query and JSON parameters it finds itself. */
  url: string;
  data?: string;
  /** Of `data`; JSON unless told. A multipart body is sent as it is (`--skip-urlencode`), boundary and all. */
  contentType?: string;
  token?: string;
  /** More headers; one may carry a `*` for sqlmap to inject into (a receipt token). */
  headers?: string[];
  /** Python run before each request (`--eval`): a fresh proof of work for a form that needs one. */
  evalCode?: string;
  /** Answers that are the endpoint's normal refusal (a wrong password's 401), which sqlmap must not stop at. */
  ignoreCode?: number;
  /** The status of the untouched request (`--code`), where its body differs every time (a new receipt, a new reference). */
  code?: number;
}

export interface SqlmapResult {
  target: string;
  injectable: number;
  /** sqlmap said every parameter it tested is not injectable. */
  clean: boolean;
  serverErrors: number;
  /** Answers 429: a run made of them proves nothing, so the drill's server has the flood limits out of reach. */
  tooMany: number;
  seconds: number;
  note?: string;
}

async function signIn(stack: DrillStack, email: string): Promise<string> {
  const res = await send(stack.baseUrl, 'POST', '/api/v1/auth/login', { email, password: STAFF_PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${res.body}`);
  return (JSON.parse(res.body) as { accessToken: string }).accessToken;
}

/** The public endpoints, and the staff ones with a token, each with real values to start from. */
async function targets(stack: DrillStack): Promise<Target[]> {
  const filing = filingBody('sqlmap').body;
  const filed = await send(stack.baseUrl, 'POST', '/api/v1/complaints', filing);
  const { trackingCode } = JSON.parse(filed.body) as { trackingCode: string };
  const [center, admin, executive] = [await signIn(stack, 'center@example.go.th'), await signIn(stack, 'admin@example.go.th'), await signIn(stack, 'executive@example.go.th')];
  const { rows } = await stack.db.query(
    `SELECT (SELECT id FROM cases WHERE tracking_code = $1) AS "caseId", (SELECT id FROM departments WHERE code = 'works') AS "departmentId",
            (SELECT id FROM users WHERE email = 'center@example.go.th') AS "userId"`,
    [trackingCode],
  );
  const { caseId, departmentId, userId } = rows[0];
  const base = stack.baseUrl;
  return [
    { name: 'file a complaint (JSON)', url: `${base}/api/v1/complaints`, data: JSON.stringify(filing) },
    { name: 'sign in (JSON)', url: `${base}/api/v1/auth/login`, data: JSON.stringify({ email: 'center@example.go.th', password: 'not-the-password' }), ignoreCode: 401 },
    { name: 'track a complaint', url: `${base}/api/v1/complaints/track/${trackingCode}*` },
    { name: 'public statistics', url: `${base}/api/v1/public/statistics?fiscalYear=2569` },
    {
      name: 'the queue and its filters',
      url: `${base}/api/v1/cases?kind=general&status=received&departmentId=${departmentId}&assigneeId=${userId}&channel=web&overdue=false&dueBefore=2030-01-01T00:00:00Z&q=%E0%B9%84%E0%B8%9F&sort=dueAt&limit=10`,
      token: center,
    },
    { name: 'a case by id', url: `${base}/api/v1/cases/${caseId}*`, token: center },
    {
      name: 'the audit log',
      url: `${base}/api/v1/audit?action=sign_in&actorId=${userId}&caseId=${caseId}&from=2025-01-01T00:00:00Z&to=2030-01-01T00:00:00Z&limit=10`,
      token: admin,
    },
    { name: 'the executive summary', url: `${base}/api/v1/reports/summary?fiscalYear=2569&period=month`, token: executive },
  ];
}

function runSqlmap(t: Target, outputDir: string): Promise<SqlmapResult> {
  const args = [
    '-u', t.url,
    ...(t.data ? ['--data', t.data, '--method', 'POST', '-H', `Content-Type: ${t.contentType ?? 'application/json'}`] : []),
    ...(t.contentType?.startsWith('multipart/') ? ['--skip-urlencode'] : []),
    ...(t.token ? ['-H', `Authorization: Bearer ${t.token}`] : []),
    ...(t.headers ?? []).flatMap((h) => ['-H', h]),
    ...(t.evalCode ? ['--eval', t.evalCode] : []),
    ...(t.ignoreCode ? ['--ignore-code', String(t.ignoreCode)] : []),
    ...(t.code ? ['--code', String(t.code)] : []),
    '--batch', '--level', '3', '--risk', '2', '--dbms', 'PostgreSQL',
    '--threads', '4', '--time-sec', '2', '--timeout', '10', '--retries', '1',
    '--output-dir', outputDir, '--flush-session', '--disable-coloring', '--skip-waf',
  ];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(SQLMAP, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), TARGET_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ target: t.name, injectable: 0, clean: false, serverErrors: 0, tooMany: 0, seconds: 0, note: err.message });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (process.env.DRILL_DEBUG) process.stdout.write(out);
      resolve({ ...parseSqlmap(t.name, out), seconds: Math.round((Date.now() - started) / 1000), ...(signal ? { note: `stopped by ${signal}` } : code ? { note: `exit ${code}` } : {}) });
    });
  });
}

/** What sqlmap's report says: injection points found, "not injectable", and the 5xx it met. */
export function parseSqlmap(target: string, out: string): Omit<SqlmapResult, 'seconds'> {
  const injectable = (out.match(/^Parameter: /gm) ?? []).length;
  const clean = /all tested parameters do not appear to be injectable/.test(out);
  const times = (status: RegExp) => [...out.matchAll(new RegExp(`^${status.source} \\([^)]*\\) - (\\d+) times`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
  const serverErrors = times(/5\d\d/);
  const tooMany = times(/429/);
  const lines = out.split('\n').filter((l) => l.trim());
  const critical = lines.find((l) => /\[(CRITICAL|ERROR)\]/.test(l) && !l.includes('do not appear to be injectable'));
  // Without sqlmap's conclusion, its last words say why.
  const note = critical ?? (clean || injectable ? undefined : lines.slice(-3).join(' | '));
  return { target, injectable, clean, serverErrors, tooMany, ...(note ? { note: note.trim() } : {}) };
}

async function written(stack: DrillStack): Promise<{ cases: number; events: number }> {
  const { rows } = await stack.db.query(`SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM case_events) AS events`);
  return rows[0];
}

/**
 * `npm run drill -- --sqlmap`: Debian's sqlmap at level 3, risk 2, against
 * the public and staff endpoints and the whistleblower channel's (API and
 * form pages) of a server of the drill's own. It must find no injection
 * point, the server must never answer 500, and no limit may answer 429.
 */
export function sqlmapDrill(print: (line: string) => void, only?: string[]): Promise<boolean> {
  const env = { AUTH_SIGN_IN_RATE_LIMIT: '1000000', AUTH_MAX_FAILED_LOGINS: '1000000', LOG_LEVEL: 'error', ...WHISTLEBLOWER_DRILL_ENV };
  return withStack({ env }, async (stack) => {
    const server = await stack.serve();
    const outputDir = mkdtempSync(join(tmpdir(), 'rongrian-sqlmap-'));
    const results: SqlmapResult[] = [];
    try {
      // Each group is made when its turn comes: the whistleblower's token must still be alive when its targets run.
      for (const group of [targets, whistleblowerTargets]) {
        for (const t of (await group(stack)).filter((t) => !only || only.some((o) => t.name.includes(o)))) {
          const before = await written(stack);
          const r = await runSqlmap(t, outputDir);
          const after = await written(stack);
          // What the requests wrote shows that they passed validation and reached the database.
          const reached = `+${after.cases - before.cases} cases, +${after.events - before.events} timeline lines`;
          print(`  sqlmap: ${r.target}: ${r.injectable} injectable, ${r.clean ? 'nothing injectable' : 'INCONCLUSIVE'}, ${r.serverErrors} answers 5xx, ${r.tooMany} answers 429, ${reached}, ${r.seconds} s${r.note ? ` (${r.note})` : ''}`);
          results.push(r);
        }
      }
    } finally {
      rmSync(outputDir, { recursive: true, force: true });
      await server.stop('SIGTERM');
    }
    const injectable = results.reduce((n, r) => n + r.injectable, 0);
    const serverErrors = results.reduce((n, r) => n + r.serverErrors, 0);
    const tooMany = results.reduce((n, r) => n + r.tooMany, 0);
    const inconclusive = results.filter((r) => !r.clean && r.injectable === 0).length;
    // With every limit out of reach a 429 means some requests never reached the code under test.
    const pass = injectable === 0 && serverErrors === 0 && tooMany === 0 && inconclusive === 0;
    print(
      `drill sqlmap: ${injectable} injection points in ${results.length} targets, ${serverErrors} answers 5xx, ${tooMany} answers 429, ${inconclusive} inconclusive — ${pass ? 'PASS' : 'FAIL'}`,
    );
    return pass;
  });
}
