import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ManualClock } from '../../src/common/time/clock';
import { QUEUES } from '../../src/jobs/job-catalogue';
import { CaseRegistrationService, NewCase } from '../../src/modules/cases';
import type { TestContext } from '../support/test-context';

export const DAY = 24 * 3600 * 1000;

let n = 0;

/** A phone complaint registered by the centre with the date it really arrived. */
export async function registerReceived(t: TestContext, receivedAt: Date, overrides: Partial<NewCase> = {}) {
  n++;
  const center = await t.staff('center@example.go.th');
  const email = `deadline${n}-${Date.now()}@example.com`;
  const c = await t.app.get(CaseRegistrationService).register({
    kind: 'general',
    channel: 'phone',
    receivedAt,
    subject: `ถนนชำรุด ${n}`,
    description: 'ถนนเป็นหลุมลึกหน้าตลาด',
    categoryId: null,
    location: null,
    complainant: { anonymous: false, name: 'มานี มีนา', email, phone: null, address: null },
    consentAt: receivedAt,
    letter: null,
    registeredBy: { id: center.id, role: 'center' },
    locale: 'th',
    ...overrides,
  });
  return { ...c, email };
}

export function deadlinesQueue(t: TestContext): Queue {
  return t.app.get<Queue>(getQueueToken(QUEUES.deadlines));
}

/** What a restarted or emptied Redis leaves: none of this deployment's keys (never FLUSHDB on a shared server). */
export async function wipeRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A clock that keeps real time (for a timer that really waits), and can still be moved on. */
export class RunningClock extends ManualClock {
  private offset = 0;

  override now(): Date {
    return new Date(Date.now() + this.offset);
  }

  override set(at: Date): void {
    this.offset = at.getTime() - Date.now();
  }

  override advance(ms: number): Date {
    this.offset += ms;
    return this.now();
  }
}

export async function outbox(t: TestContext, template?: string) {
  return t.db.query(
    `SELECT n.template, n.recipient, n.status, n.case_id AS "caseId", n.user_id AS "userId", n.dedupe_key AS "dedupeKey"
     FROM notifications n WHERE $1::text IS NULL OR n.template = $1 ORDER BY n.seq`,
    [template ?? null],
  ) as Promise<Array<{ template: string; recipient: string; status: string; caseId: string; userId: string | null; dedupeKey: string }>>;
}
