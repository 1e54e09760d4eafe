import type Redis from 'ioredis';
import { QUEUES } from '../src/jobs/job-catalogue';
import { filingBody, send } from './load';
import { DrillStack, REDIS_PREFIX, sleep } from './stack';

/** Files `count` complaints through the running server; their tracking codes. */
export async function fileCases(stack: DrillStack, count: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await send(stack.baseUrl, 'POST', '/api/v1/complaints', filingBody('due').body);
    if (res.status !== 201) throw new Error(`setting up a case falling due: ${res.status} ${res.body}`);
    codes.push((JSON.parse(res.body) as { trackingCode: string }).trackingCode);
  }
  return codes;
}

/**
 * Moves the due dates of these cases, in the drill's own database, to
 * moments spread between `from` and `to` (whole milliseconds, as every due
 * date the application writes: JavaScript dates have no finer grain). The
 * server sets their timers when its reconciler next runs (every start does).
 */
export async function dueBetween(stack: DrillStack, codes: string[], from: Date, to: Date): Promise<string[]> {
  const span = to.getTime() - from.getTime();
  const { rows } = await stack.db.query(
    `UPDATE cases c SET due_at = date_trunc('milliseconds', $2::timestamptz + (s.i * $3::double precision / greatest($4 - 1, 1)) * interval '1 millisecond')
     FROM (SELECT tracking_code, row_number() OVER (ORDER BY tracking_code) - 1 AS i FROM cases WHERE tracking_code = ANY($1)) s
     WHERE c.tracking_code = s.tracking_code RETURNING c.id`,
    [codes, from, span, codes.length],
  );
  return rows.map((r: { id: string }) => r.id);
}

/** Cases falling due between `fromMs` and `toMs` from now, counted once they are filed. */
export async function casesFallingDue(stack: DrillStack, count: number, fromMs: number, toMs: number): Promise<string[]> {
  const codes = await fileCases(stack, count);
  const now = Date.now();
  return dueBetween(stack, codes, new Date(now + fromMs), new Date(now + toMs));
}

/** Waits (bounded) until Redis holds the deadline timer of each of these cases; false if it does not in time. */
export async function deadlineTimersSet(redis: Redis, caseIds: string[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // The drill's own Redis holds a few hundred keys: KEYS is fine here.
    const keys = await redis.keys(`${REDIS_PREFIX}:${QUEUES.deadlines}:deadline-*`);
    if (caseIds.every((id) => keys.some((k) => k.includes(`deadline-${id}-`)))) return true;
    await sleep(250);
  }
  return false;
}
