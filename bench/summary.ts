import autocannon from 'autocannon';
import { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config/app-config';
import { createHttpApp } from '../src/http-app';

export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  non2xx: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

const CONNECTIONS = 16;
const AMOUNT = Number(process.env.BENCH_SUMMARY_REQUESTS ?? 4000);

/**
 * The statistics under load over real HTTP: the server listens on loopback,
 * autocannon fires from a worker thread (its own event loop) with 16
 * connections, after a warm-up of 200 requests that is not counted.
 */
export async function benchSummary(url: string, password: string, fiscalYear: number): Promise<LoadResult[]> {
  const app = await createHttpApp(
    loadConfig({ DATABASE_URL: url, REDIS_PREFIX: 'rongrian-bench', PUBLIC_RATE_LIMIT: '0', WORKERS_ENABLED: 'false', LOG_LEVEL: 'silent' }),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const login = async (email: string) => {
    const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
    return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
  };
  const executive = await login('executive@example.go.th');
  const head = await login('works.head@example.go.th');
  const scenarios: Array<[string, string, Record<string, string>]> = [
    [`executive: monthly summary of FY ${fiscalYear}`, `/api/v1/reports/summary?fiscalYear=${fiscalYear}&period=month`, { authorization: executive }],
    [`executive: quarterly summary, channel phone`, `/api/v1/reports/summary?fiscalYear=${fiscalYear}&period=quarter&channel=phone`, { authorization: executive }],
    [`head (works): monthly summary of the department`, `/api/v1/reports/summary?fiscalYear=${fiscalYear}`, { authorization: head }],
    [`public statistics (o31)`, `/api/v1/public/statistics?fiscalYear=${fiscalYear}`, {}],
  ];
  const results: LoadResult[] = [];
  try {
    for (const [name, path, headers] of scenarios) {
      const run = (amount: number) =>
        autocannon({ url: `${base}${path}`, headers, connections: CONNECTIONS, amount, workers: 1, timeout: 10 });
      await run(200);
      const r = await run(AMOUNT);
      results.push({
        name,
        requests: r.requests.total,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
        rps: r.requests.average,
        p50: r.latency.p50,
        p90: r.latency.p90,
        p99: r.latency.p99,
        max: r.latency.max,
      });
      process.stdout.write(`${name}: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.requests.average} req/s, ${r.non2xx} non-2xx\n`);
    }
  } finally {
    await app.close();
  }
  return results;
}

export function summaryTable(results: LoadResult[]): string {
  return [
    '| request (16 connections) | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors / non-2xx |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.name} | ${r.requests} | ${Math.round(r.rps)} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.errors} / ${r.non2xx} |`),
  ].join('\n');
}
