import { randomBytes } from 'node:crypto';
import { solve } from '../src/modules/whistleblower/proof-of-work';
import { loadNow } from './load';

/**
 * The difficulty the benchmark's server hands out: the server checks one
 * hash whatever the difficulty, and the load generator, one machine
 * standing in for sixteen browsers, cannot spend a browser's CPU on each
 * report. What a browser spends at the deployed difficulty is timed apart.
 */
export const BENCH_POW_DIFFICULTY = 8;
const DEPLOYED_DIFFICULTY = 16;

interface Challenge {
  id: string;
  salt: string;
  difficulty: number;
}

/** Mean ms one core takes to find a nonce at the deployed difficulty (the browser's share). */
export function browserSolveMs(samples = 20): number {
  const t0 = performance.now();
  for (let i = 0; i < samples; i++) solve(randomBytes(16).toString('hex'), DEPLOYED_DIFFICULTY);
  return (performance.now() - t0) / samples;
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
  load: number;
}

/**
 * Whistleblower reports over real HTTP with 1, 4 and 16 clients, each in a
 * loop sending reports with a solved challenge. The challenges are taken
 * and solved before the clock starts, in chunks (each is good once, for
 * two hours); what is timed is the report itself.
 */
export async function benchWhistleblower(base: string, perFigure: number): Promise<WhistleblowerResult[]> {
  const results: WhistleblowerResult[] = [];
  for (const clients of [1, 4, 16]) {
    const latencies: number[] = [];
    let errors = 0;
    let difficulty = 0;
    let next = 0;
    const solved: Array<{ id: string; nonce: string }> = [];
    const solveBatch = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const challenge = (await (await fetch(`${base}/api/v1/whistleblower/challenge`)).json()) as Challenge;
        difficulty = challenge.difficulty;
        solved.push({ id: challenge.id, nonce: solve(challenge.salt, challenge.difficulty) });
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
      load: loadNow(),
    };
    process.stdout.write(`  whistleblower @${clients}: ${Math.round(result.rps)}/s p50 ${result.p50} p99 ${result.p99} ms, ${errors} errors (load ${result.load})\n`);
    results.push(result);
  }
  return results;
}
