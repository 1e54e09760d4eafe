import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadNow } from './load';

/** The channel is measured only where it is built (`src/modules/whistleblower`). */
export const whistleblowerPresent = () => existsSync(join(__dirname, '..', '..', 'src', 'modules', 'whistleblower'));

interface Challenge {
  id: string;
  salt: string;
  difficulty: number;
}

function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** The decimal nonce a browser would find: SHA-256(salt + nonce) begins with `difficulty` zero bits (SPEC §4). */
export function solve({ salt, difficulty }: Challenge): string {
  for (let nonce = 0; ; nonce++) {
    if (leadingZeroBits(createHash('sha256').update(salt + nonce).digest()) >= difficulty) return String(nonce);
  }
}

const REPORTS = [
  {
    subject: 'เรียกรับเงินเพื่อออกใบอนุญาตก่อสร้าง',
    description: 'เจ้าหน้าที่กองช่างเรียกรับเงิน 5,000 บาทเพื่อเร่งออกใบอนุญาตก่อสร้าง โดยไม่มีใบเสร็จรับเงิน',
    accused: { name: 'นายสมปอง', position: 'นายช่างโยธา', department: 'กองช่าง' },
    incidentDate: '2026-10-12',
  },
  {
    subject: 'จัดซื้อวัสดุสำนักงานราคาสูงผิดปกติ',
    description: 'การจัดซื้อหมึกพิมพ์ในเดือนที่ผ่านมามีราคาสูงกว่าท้องตลาดเกือบสองเท่า และซื้อจากร้านเดียวทุกครั้ง',
    accused: { department: 'กองคลัง' },
  },
  {
    subject: 'ใช้รถราชการไปธุระส่วนตัว',
    description: 'พบรถยนต์ของเทศบาลจอดหน้าห้างสรรพสินค้าในวันหยุดหลายครั้ง',
    identity: { name: 'ผู้แจ้ง ทดสอบ', email: 'whistle@example.com' },
  },
];

export interface WhistleblowerResult {
  clients: number;
  submissions: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  difficulty: number;
  /** Mean time one core took to find a nonce, ms: the browser's share, not in the figures above. */
  solveMs: number;
  load: number;
}

/**
 * Whistleblower reports over real HTTP with 1, 4 and 16 clients, each in a
 * loop: take a challenge, find its nonce, send the report. The nonces are
 * found before the clock starts (a browser spends its own CPU on them, and
 * here one machine would otherwise stand in for sixteen); what is timed is
 * the report itself, sent by the clients in parallel.
 */
export async function benchWhistleblower(base: string, perFigure: number): Promise<WhistleblowerResult[]> {
  const results: WhistleblowerResult[] = [];
  for (const clients of [1, 4, 16]) {
    const latencies: number[] = [];
    let errors = 0;
    let solveTotal = 0;
    let difficulty = 0;
    let next = 0;
    // Solving first: challenges are fetched and solved in chunks so none grows stale before it is used.
    const solved: Array<{ id: string; nonce: string }> = [];
    const solveBatch = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const challenge = (await (await fetch(`${base}/api/v1/whistleblower/challenge`)).json()) as Challenge;
        difficulty = challenge.difficulty;
        const t0 = performance.now();
        solved.push({ id: challenge.id, nonce: solve(challenge) });
        solveTotal += performance.now() - t0;
      }
    };
    const CHUNK = Math.min(perFigure, 250);
    let wall = 0;
    for (let done = 0; done < perFigure; done += CHUNK) {
      solved.length = 0;
      next = 0;
      await solveBatch(Math.min(CHUNK, perFigure - done));
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (next < solved.length) {
            const pow = solved[next];
            const report = REPORTS[next++ % REPORTS.length];
            const s = performance.now();
            const res = await fetch(`${base}/api/v1/whistleblower/reports`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ ...report, pow }),
            });
            await res.arrayBuffer();
            latencies.push(performance.now() - s);
            if (res.status !== 201) errors++;
          }
        }),
      );
      wall += performance.now() - t0;
    }
    latencies.sort((a, b) => a - b);
    const at = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 10) / 10;
    const result = {
      clients,
      submissions: latencies.length,
      errors,
      rps: latencies.length / (wall / 1000),
      p50: at(0.5),
      p99: at(0.99),
      difficulty,
      solveMs: Math.round(solveTotal / perFigure),
      load: loadNow(),
    };
    process.stdout.write(`  whistleblower @${clients}: ${Math.round(result.rps)}/s p50 ${result.p50} p99 ${result.p99} ms, ${errors} errors (load ${result.load})\n`);
    results.push(result);
  }
  return results;
}
