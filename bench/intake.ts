import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { fiscalYearOf } from '../src/common/time/thai-calendar';
import { formatReferenceNo } from '../src/modules/cases/reference-number';
import { generateTrackingCode } from '../src/modules/cases/tracking-code';
import { LoadResult, loadNow, measure, Observer } from './load';

/** What citizens file: Thai text of several lengths, different categories, some without an email. */
const FILINGS = [
  ['ไฟถนนดับทั้งซอย', 'ไฟถนนในซอยเทศบาล 7 ดับติดต่อกันมาหนึ่งสัปดาห์ กลางคืนมืดมาก เด็กและผู้สูงอายุเดินไม่ปลอดภัย', 'street_lights'],
  ['ขยะไม่ได้รับการจัดเก็บ', 'รถเก็บขยะไม่มาเก็บตามรอบมาสามครั้งแล้ว ขยะล้นถังและส่งกลิ่นเหม็นไปทั้งชุมชน มีสุนัขมาคุ้ยเขี่ย', null],
  ['ถนนเป็นหลุมลึก', 'ถนนหน้าตลาดสดเป็นหลุมขนาดใหญ่ รถจักรยานยนต์ล้มไปแล้วสองคัน ขอให้ซ่อมโดยด่วน', null],
  ['น้ำท่วมขังหลังฝนตก', 'ทุกครั้งที่ฝนตก น้ำท่วมขังหน้าบ้านเลขที่ 45/2 นานหลายชั่วโมง ท่อระบายน้ำน่าจะอุดตัน', null],
  ['เสียงดังรบกวนยามวิกาล', 'ร้านอาหารริมถนนเปิดเพลงเสียงดังจนถึงตีสองทุกคืน รบกวนการพักผ่อนของผู้อยู่อาศัยในละแวกนั้น', null],
  ['ไฟกิ่งหน้าโรงเรียนกะพริบ', 'ไฟส่องสว่างหน้าโรงเรียนวัดใหม่กะพริบตลอดเวลา', 'street_lights'],
] as const;

function filingBody(i: number): string {
  const [subject, description, categoryCode] = FILINGS[i % FILINGS.length];
  return JSON.stringify({
    subject,
    description,
    ...(categoryCode ? { categoryCode } : {}),
    location: `หมู่ ${1 + (i % 12)} ตำบลในเมือง`,
    complainant: { name: ['สมชาย ใจดี', 'สุดา แก้วมณี', 'ประยุทธ ทองคำ'][i % 3], phone: '0812345678', ...(i % 4 ? { email: `citizen${i}@example.com` } : {}) },
    consent: true,
  });
}

export const intakeRequests = Array.from({ length: 12 }, (_, i) => ({ method: 'POST' as const, path: '/api/v1/complaints', body: filingBody(i) }));

export interface CeilingResult {
  clients: number;
  transactions: number;
  tps: number;
  p50: number;
  p99: number;
  load: number;
}

/**
 * The database's own ceiling for a filing committed alone: the statements
 * the server sends for one web filing (captured from it: complainant,
 * timeline line, the complainant's address, outbox row, then the counter
 * and the case with its number), one transaction each, from `clients`
 * plain `pg` connections in a loop, as pgbench would run a custom script. Every
 * transaction waits for the counter row held by the one before it from its
 * number to its COMMIT.
 */
export async function dbCeiling(url: string, clients: number, total: number): Promise<CeilingResult> {
  const conns = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  const fiscalYear = fiscalYearOf(new Date());
  const latencies: number[] = [];
  let started = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    conns.map(async (c) => {
      while (started < total) {
        started++;
        const s = process.hrtime.bigint();
        const now = new Date();
        await c.query('BEGIN');
        const [{ id: complainantId }] = (
          await c.query(
            `INSERT INTO complainants (id, anonymous, name, email, phone, address) VALUES (DEFAULT, $1, $2, $3, $4, $5) RETURNING id`,
            [false, 'สมชาย ใจดี', `ceiling${started}@example.com`, '0812345678', null],
          )
        ).rows;
        const caseId = randomUUID();
        const [{ id: eventId }] = (
          await c.query(
            `INSERT INTO case_events (case_id, at, action, from_status, to_status, public, message, actor_id, actor_role)
             VALUES ($1, $2, 'receive', NULL, 'received', true, NULL, NULL, 'citizen') RETURNING id`,
            [caseId, now],
          )
        ).rows;
        const [{ email }] = (await c.query(`SELECT email FROM complainants WHERE id = $1 AND NOT anonymous`, [complainantId])).rows;
        await c.query(
          `INSERT INTO notifications (dedupe_key, case_id, event_id, user_id, template, recipient, locale)
           VALUES ($1, $2, $3, NULL, 'acknowledgement', $4, 'th') ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
          [`acknowledgement|${caseId}|${eventId}|-|${email}`, caseId, eventId, email],
        );
        const [{ last_value: seq }] = (
          await c.query(
            `INSERT INTO reference_counters (kind, fiscal_year, last_value) VALUES ($1, $2, $3)
             ON CONFLICT (kind, fiscal_year) DO UPDATE SET last_value = reference_counters.last_value + EXCLUDED.last_value
             RETURNING last_value`,
            ['general', fiscalYear, 1],
          )
        ).rows;
        await c.query(
          `INSERT INTO cases (id, kind, channel, status, fiscal_year, sequence, reference_no, tracking_code, subject, description,
                              location, complainant_id, consent_at, received_at, due_at, locale)
           VALUES ($11, 'general', 'web', 'received', $1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, 'th')
           ON CONFLICT (tracking_code) DO NOTHING RETURNING id`,
          [
            fiscalYear,
            seq,
            formatReferenceNo('general', fiscalYear, seq),
            generateTrackingCode(),
            FILINGS[0][0],
            FILINGS[0][1],
            'หมู่ 1',
            complainantId,
            now,
            new Date(now.getTime() + 15 * 86_400_000),
            caseId,
          ],
        );
        await c.query('COMMIT');
        latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  await Promise.all(conns.map((c) => c.end()));
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 10) / 10;
  return { clients, transactions: latencies.length, tps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), load: loadNow() };
}

export interface IntakeResult {
  http: LoadResult[];
  ceiling: CeilingResult;
  /** Numbers of the register after the run: counted cases, highest sequence (equal when gap-free). */
  register: { count: number; max: number };
  /** Filings over HTTP and the transactions they were committed in. */
  grouping: { filings: number; transactions: number };
}

/** A group's cases carry its transaction id (xmin): how many filings were written since `since`, and in how many COMMITs. */
export async function filingsPerCommit(db: Client, since: Date): Promise<{ filings: number; transactions: number }> {
  const { rows } = await db.query<{ filings: number; transactions: number }>(
    `SELECT count(*)::int AS filings, count(DISTINCT xmin::text)::int AS transactions FROM cases WHERE created_at >= $1`,
    [since],
  );
  return rows[0];
}

/** Public filings over HTTP at 16, 64 and 256 connections, and the plain-client ceiling in the same run. */
export async function benchIntake(base: string, url: string, amount: number, observe: Observer): Promise<IntakeResult> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const [{ since }] = (await db.query(`SELECT clock_timestamp() AS since`)).rows;
    const http: LoadResult[] = [];
    for (const connections of [16, 64, 256]) {
      http.push(await measure({ name: 'POST /api/v1/complaints', url: base, connections, amount, requests: intakeRequests, observe }));
    }
    const grouping = await filingsPerCommit(db, since);
    // As many connections as the server's pool: more would only queue on the counter row.
    const ceiling = await dbCeiling(url, 20, Math.max(500, Math.round(amount / 2)));
    process.stdout.write(`  ceiling, 20 plain pg clients: ${Math.round(ceiling.tps)}/s p50 ${ceiling.p50} p99 ${ceiling.p99} ms (load ${ceiling.load})\n`);
    const [register] = (
      await db.query(`SELECT count(*)::int AS count, max(sequence)::int AS max FROM cases WHERE kind = 'general' AND fiscal_year = $1`, [
        fiscalYearOf(new Date()),
      ])
    ).rows;
    return { http, ceiling, register, grouping };
  } finally {
    await db.end();
  }
}
