import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { sleep } from './stack';

export interface Answer {
  status: number;
  ms: number;
  body: string;
}

/**
 * One request on a connection of its own (no keep-alive), so that a refused
 * connection (nobody listening) and a request cut off after it was sent
 * (reset, hang-up) are told apart.
 */
export function send(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  { timeoutMs = 10_000, headers = {} as Record<string, string> } = {},
): Promise<Answer> {
  const started = Date.now();
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseUrl);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        agent: false,
        timeout: timeoutMs,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Date.now() - started, body: text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('no answer in time'), { code: 'HANG' })));
    req.on('error', reject);
    req.end(payload);
  });
}

/** A filing; with an e-mail address (unique to it) its acknowledgement is mailed, without one it is not. */
export function filingBody(tag: string, withEmail = true): { body: Record<string, unknown>; email: string | null } {
  const email = withEmail ? `drill-${tag}-${randomUUID().slice(0, 12)}@example.com` : null;
  return {
    email,
    body: {
      subject: `ไฟถนนดับ (drill ${tag})`,
      description: 'ไฟถนนหน้าบ้านเลขที่ 12 ดับมาสามคืนแล้ว ทำให้ซอยมืดและไม่ปลอดภัย',
      location: 'ซอยเทศบาล 5',
      complainant: { name: 'สมศรี ใจงาม', ...(email ? { email } : {}), phone: '081-234-5678' },
      consent: true,
    },
  };
}

export interface Filed {
  trackingCode: string;
  referenceNo: string;
  email: string | null;
  /** When the 201 came back. */
  at: number;
}

/** What the clients saw. `cut` are requests sent and then dropped without an answer (reset, hang-up, hang). */
export interface LoadTally {
  filed: Filed[];
  statuses: Map<number, number>;
  refused: number;
  cut: number;
  /** The addresses of the filings cut off, to look for in the database: was it taken, or never read? */
  cutEmails: string[];
  hung: number;
  slowest503Ms: number;
}

export const newTally = (): LoadTally => ({ filed: [], statuses: new Map(), refused: 0, cut: 0, cutEmails: [], hung: 0, slowest503Ms: 0 });

/**
 * `clients` loops filing complaints until `stop()`; nothing is retried, so
 * every 201 is one filing the drill expects to find.
 */
export function fileContinuously(
  baseUrl: string,
  clients: number,
  tag: string,
  { tally = newTally(), timeoutMs = 10_000, emailShare = 1 } = {},
) {
  let running = true;
  const loop = async () => {
    while (running) {
      const { body, email } = filingBody(tag, Math.random() < emailShare);
      try {
        const res = await send(baseUrl, 'POST', '/api/v1/complaints', body, { timeoutMs });
        tally.statuses.set(res.status, (tally.statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) {
          const answer = JSON.parse(res.body) as { trackingCode: string; referenceNo: string };
          tally.filed.push({ trackingCode: answer.trackingCode, referenceNo: answer.referenceNo, email, at: Date.now() });
        } else if (res.status === 503) tally.slowest503Ms = Math.max(tally.slowest503Ms, res.ms);
        else await sleep(50);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'ECONNREFUSED') tally.refused++;
        else if (code === 'HANG') tally.hung++;
        else {
          tally.cut++;
          if (email) tally.cutEmails.push(email);
        }
        await sleep(code === 'ECONNREFUSED' ? 50 : 10);
      }
    }
  };
  const loops = Array.from({ length: clients }, loop);
  return {
    tally,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return tally;
    },
  };
}

export const statusSummary = (t: LoadTally) =>
  [...t.statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${n}×${s}`)
    .join(', ') || 'none';
