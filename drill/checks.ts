import { Queue } from 'bullmq';
import { QUEUES } from '../src/jobs/job-catalogue';
import { sendJobId } from '../src/modules/notifications/notifications.service';
import { Filed } from './load';
import { DrillStack, REDIS_PREFIX, sleep } from './stack';

export interface Counts {
  lost: number;
  duplicated: number;
  late: number;
  figures: string[];
}

/** Every 201 names a case that exists; no reference number was given twice. */
export async function checkFilings(stack: DrillStack, filed: Filed[]): Promise<Counts> {
  const codes = filed.map((f) => f.trackingCode);
  const [{ found }] = (await stack.db.query(`SELECT count(*)::int AS found FROM cases WHERE tracking_code = ANY($1)`, [codes])).rows;
  const [{ repeated }] = (
    await stack.db.query(
      `SELECT coalesce(sum(n - 1), 0)::int AS repeated FROM (SELECT count(*) AS n FROM cases GROUP BY kind, reference_no HAVING count(*) > 1) r`,
    )
  ).rows;
  return { lost: codes.length - found, duplicated: repeated, late: 0, figures: [`${codes.length} filings answered 201, ${found} of them in the database`] };
}

/**
 * Cases that fell due before `until` and are still open must have fired their
 * deadline once; the firing table's key makes twice impossible, so only a
 * missing firing is counted.
 */
export async function checkDeadlines(stack: DrillStack, caseIds: string[], until: Date): Promise<Counts> {
  const { rows } = await stack.db.query(
    `SELECT c.id, c.due_at AS "dueAt", f.fired_at AS "firedAt"
     FROM cases c LEFT JOIN deadline_firings f ON f.case_id = c.id AND f.due_at = c.due_at AND f.occasion = 'deadline'
     WHERE c.id = ANY($1) AND c.due_at <= $2`,
    [caseIds, until],
  );
  const fired = rows.filter((r: { firedAt: Date | null }) => r.firedAt);
  const lateness = fired.map((r: { dueAt: Date; firedAt: Date }) => r.firedAt.getTime() - r.dueAt.getTime()).sort((a: number, b: number) => a - b);
  return {
    lost: rows.length - fired.length,
    duplicated: 0,
    late: 0,
    figures: [`${rows.length} deadlines fell due, ${fired.length} fired (latest ${seconds(lateness.at(-1) ?? 0)} after its moment)`],
  };
}

interface OutboxRow {
  id: string;
  template: string;
  status: string;
  /** When the notice was owed: the deadline it announces, else when it was made. */
  owedAt: Date;
  sentAt: Date | null;
}

async function outbox(stack: DrillStack): Promise<OutboxRow[]> {
  const { rows } = await stack.db.query(
    `SELECT n.id, n.template, n.status, n.sent_at AS "sentAt",
            CASE WHEN n.template IN ('deadline_notice', 'deadline_escalation') THEN coalesce(f.due_at, n.created_at) ELSE n.created_at END AS "owedAt"
     FROM notifications n
     LEFT JOIN deadline_firings f ON f.case_id = n.case_id AND f.occasion = 'deadline' AND n.template IN ('deadline_notice', 'deadline_escalation')
       AND n.dedupe_key LIKE '%|deadline-' || (extract(epoch FROM f.due_at) * 1000)::bigint || '|%'`,
  );
  return rows;
}

/** How many times the sink received each outbox row (the Message-ID is the row's id). */
function deliveries(stack: DrillStack): Map<string, number> {
  const byId = new Map<string, number>();
  for (const m of stack.smtp.arrivals) {
    const id = /^<([0-9a-f-]{36})@/.exec(m.messageId)?.[1];
    if (id) byId.set(id, (byId.get(id) ?? 0) + 1);
  }
  return byId;
}

/** Waits (bounded) until no row is pending and the sink holds every row once; returns whether it got there. */
export async function settleOutbox(stack: DrillStack, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const rows = await outbox(stack).catch(() => null);
    if (rows) {
      const got = deliveries(stack);
      if (rows.every((r) => r.status !== 'pending' && (r.status !== 'sent' || got.has(r.id)))) return true;
    }
    await sleep(500);
  }
  return false;
}

/** What holds up the rows that did not settle (at most ten): the row as the outbox has it, and its job as the queue has it. */
export async function describeUnsettled(stack: DrillStack): Promise<string[]> {
  const { rows } = await stack.db.query<{ id: string; template: string; status: string; age: number; attempts: number; lastError: string | null }>(
    `SELECT id, template, status, extract(epoch FROM now() - created_at)::int AS age, attempts, last_error AS "lastError"
     FROM notifications WHERE status = 'pending' ORDER BY created_at LIMIT 10`,
  );
  const queue = new Queue(QUEUES.notifications, { connection: { url: stack.redis.url }, prefix: REDIS_PREFIX });
  try {
    return await Promise.all(
      rows.map(async (r) => {
        const job = await queue.getJob(sendJobId(r.id));
        const state = job ? `${await job.getState()}, ${job.attemptsMade} attempts made${job.failedReason ? `, ${job.failedReason}` : ''}` : 'no job';
        return `unsettled ${r.template} ${r.id}, pending for ${r.age} s, ${r.attempts} attempts${r.lastError ? ` (${r.lastError})` : ''}; its job: ${state}`;
      }),
    );
  } finally {
    await queue.close();
  }
}

/**
 * Every outbox row delivered exactly once: not sent, or never received, is
 * lost; received more than once is duplicated (each extra copy counts);
 * marked sent more than `lateMs` after it was owed is late. While the
 * drill keeps the system down (a crash loop) nothing can go: lateness then
 * counts from `stableFrom`, the moment it is left alone.
 */
export async function checkMail(stack: DrillStack, lateMs: number, { stableFrom = 0 } = {}): Promise<Counts> {
  const rows = await outbox(stack);
  const got = deliveries(stack);
  let lost = 0;
  let duplicated = 0;
  let late = 0;
  let worst = 0;
  const byTemplate = new Map<string, number>();
  const byStatus = new Map<string, number>();
  for (const r of rows) {
    byTemplate.set(r.template, (byTemplate.get(r.template) ?? 0) + 1);
    const n = got.get(r.id) ?? 0;
    byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    // Cancelled is the renderer's word that the occasion passed (a reminder overtaken by its deadline): nothing
    // more was owed, though a copy may have gone before a crash cut its mark off.
    if (r.status !== 'cancelled' && (r.status !== 'sent' || n === 0)) lost++;
    duplicated += Math.max(0, n - 1);
    if (process.env.DRILL_DEBUG && r.sentAt) {
      const copies = stack.smtp.arrivals.filter((m) => m.messageId.includes(r.id)).map((m) => r.sentAt!.getTime() - m.at);
      process.stdout.write(`MAIL ${r.template} ${n} sent_at-arrival=${JSON.stringify(copies)}\n`);
    }
    if (r.sentAt) {
      const delay = r.sentAt.getTime() - Math.max(r.owedAt.getTime(), stableFrom);
      worst = Math.max(worst, delay);
      if (delay > lateMs) late++;
    }
  }
  const ids = new Set(rows.map((r) => r.id));
  const strangers = [...got.keys()].filter((id) => !ids.has(id)).length;
  const tally = (m: Map<string, number>) => [...m.entries()].map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
  return {
    lost,
    duplicated,
    late,
    figures: [
      `${rows.length} notices in the outbox (${tally(byTemplate)}; ${tally(byStatus)}), ${stack.smtp.arrivals.length} mails received, ${strangers} not from the outbox; slowest ${seconds(worst)} after it was owed${stableFrom ? ' or the system was left alone' : ''} (late beyond ${seconds(lateMs)})`,
    ],
  };
}

export function combine(...counts: Counts[]): Counts {
  return counts.reduce(
    (a, c) => ({ lost: a.lost + c.lost, duplicated: a.duplicated + c.duplicated, late: a.late + c.late, figures: [...a.figures, ...c.figures] }),
    { lost: 0, duplicated: 0, late: 0, figures: [] },
  );
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
