import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { Client } from 'pg';

/** CPU seconds a process has used (user + system), from /proc. */
export function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds used by every process whose command name starts with `name`
 * (Postgres runs one per session), with the time of their children that
 * ended: a session that closes is reaped by the postmaster, and its time
 * moves into the postmaster's children's time, so the sum never goes back.
 */
function commandCpuSeconds(name: string): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith(name)) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // A process that ended between the listing and the read.
    }
  }
  return ticks / 100;
}

/** CPU seconds of this benchmark process: the load generator's worker thread and the observer. */
const benchCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Busy and total jiffies of the whole host, from /proc/stat. */
export function hostJiffies(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = values.map(Number);
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: total - n[3] - n[4], total };
}

/**
 * Where the time went while `work` ran: the server process's CPU (in
 * cores), how busy the host's CPUs were, and what the benchmark database's
 * sessions were doing, sampled every 50 ms from pg_stat_activity (running,
 * waiting for a lock, for the client, for the WAL flush, …). Given the
 * number of requests `work` made, also the CPU each request cost the server
 * and each part of the host (server, Postgres, Redis, the load generator
 * in this process, all of them), and the rate the host's cores allow at
 * that cost.
 */
export async function observe<T>(
  serverPid: number,
  url: string,
  work: () => Promise<T>,
  requests?: (value: T) => number,
): Promise<{ value: T; why: string }> {
  const db = new Client({ connectionString: url });
  await db.connect();
  const states = new Map<string, number>();
  let samples = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { rows } = await db.query(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS state, count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle' GROUP BY 1`,
      );
      for (const { state, n } of rows) states.set(state, (states.get(state) ?? 0) + n);
      samples++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const cpu0 = processCpuSeconds(serverPid);
  const [pg0, redis0, bench0] = [commandCpuSeconds('postgres'), commandCpuSeconds('redis-server'), benchCpuSeconds()];
  const host0 = hostJiffies();
  const t0 = performance.now();
  try {
    const value = await work();
    const wall = (performance.now() - t0) / 1000;
    const serverCpu = processCpuSeconds(serverPid) - cpu0;
    const serverCores = serverCpu / wall;
    const host1 = hostJiffies();
    const hostBusy = (host1.busy - host0.busy) / Math.max(1, host1.total - host0.total);
    const n = requests?.(value) ?? 0;
    const cores = cpus().length;
    // Host jiffies are summed over all cores: busy share × cores × wall is the host's CPU time.
    const hostMs = n > 0 ? (hostBusy * cores * wall * 1000) / n : 0;
    const ms = (seconds: number) => ((seconds * 1000) / n).toFixed(2);
    const perRequest =
      n > 0
        ? `; CPU per request: server ${ms(serverCpu)} ms, Postgres ${ms(commandCpuSeconds('postgres') - pg0)} ms, ` +
          `Redis ${ms(commandCpuSeconds('redis-server') - redis0)} ms, load generator ${ms(benchCpuSeconds() - bench0)} ms, ` +
          `whole host ${hostMs.toFixed(2)} ms (${cores} cores allow at most ${Math.round((cores * 1000) / hostMs)}/s)`
        : '';
    const total = [...states.values()].reduce((a, b) => a + b, 0);
    const top = [...states.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([state, n]) => `${state} ${Math.round((100 * n) / Math.max(1, total))} %`)
      .join(', ');
    const why =
      `server process ${serverCores.toFixed(2)} cores, host CPUs ${Math.round(hostBusy * 100)} % busy; ` +
      `busy database sessions ${(total / Math.max(1, samples)).toFixed(1)} on average (${top || 'none'})${perRequest}`;
    return { value, why };
  } finally {
    sampling = false;
    await sampler.catch(() => undefined);
    await db.end();
  }
}
