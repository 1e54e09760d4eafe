import autocannon from 'autocannon';
import { loadavg } from 'node:os';

/** One figure of load over real HTTP. */
export interface LoadResult {
  name: string;
  connections: number;
  requests: number;
  errors: number;
  non2xx: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** The host's 1-minute load average when the figure was taken (2 cores: above 2, something else was running too). */
  load: number;
  /** Where the time went, when observed (see `observe`). */
  why?: string;
}

/** Runs the measured part of a figure and tells where its time went (bench/observe.ts). */
export type Observer = <T>(work: () => Promise<T>, requests?: (value: T) => number) => Promise<{ value: T; why: string }>;

export interface LoadSpec {
  name: string;
  url: string;
  connections: number;
  amount: number;
  headers?: Record<string, string>;
  /** Sent in turn by each connection; without them, GET `url`. */
  requests?: Array<{ method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> }>;
  warmup?: number;
  observe?: Observer;
}

export const loadNow = () => Math.round(loadavg()[0] * 10) / 10;

/** `npm run bench -- --quick`: smaller everywhere. */
export const QUICK = process.argv.includes('--quick');

/** Unmeasured requests before each figure: four per connection, at least 200; the quick run two, at least 64. */
const WARMUP = QUICK ? { perConnection: 2, least: 64 } : { perConnection: 4, least: 200 };

/**
 * autocannon from a worker thread (its own event loop, so the generator's
 * own work does not sit in the measured latency), after an unmeasured
 * warm-up; latency from request written to response read, in ms.
 */
export async function measure(spec: LoadSpec): Promise<LoadResult> {
  const run = (amount: number) =>
    autocannon({
      url: spec.url,
      headers: { 'content-type': 'application/json', ...spec.headers },
      requests: spec.requests,
      connections: spec.connections,
      amount,
      workers: 1,
      timeout: 30,
      // A run of `amount` requests ends at the sampler's next tick: at the default 1 s, up to a second of idle counted in its rate.
      sampleInt: 20,
    });
  await run(spec.warmup ?? Math.max(WARMUP.least, spec.connections * WARMUP.perConnection));
  const { value: r, why } = spec.observe ? await spec.observe(() => run(spec.amount), (r) => r.requests.total) : { value: await run(spec.amount), why: undefined };
  const result: LoadResult = {
    name: spec.name,
    connections: spec.connections,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    rps: r.requests.total / (r.duration || 1),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    load: loadNow(),
    why,
  };
  process.stdout.write(
    `  ${spec.name} @${spec.connections}: ${Math.round(result.rps)}/s p50 ${result.p50} p99 ${result.p99} ms, ` +
      `${result.errors} errors, ${result.non2xx} non-2xx (load ${result.load})\n`,
  );
  return result;
}

export function loadTable(results: LoadResult[], first = 'request'): string {
  return [
    `| ${first} | connections | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors / non-2xx | load avg |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.connections} | ${r.requests} | ${Math.round(r.rps)} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.errors} / ${r.non2xx} | ${r.load} |`,
    ),
    ...(results.some((r) => r.why) ? ['', 'Where the time went, while each line was measured:', ''] : []),
    ...results.filter((r) => r.why).map((r) => `- ${r.name} (${r.connections}): ${r.why}`),
  ].join('\n');
}
