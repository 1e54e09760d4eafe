import { monitorEventLoopDelay } from 'node:perf_hooks';
import request from 'supertest';
import { complaintBody } from '../support/factories';
import { countRows, TestApp } from '../support/test-app';
import { startAttachmentsApp } from './attachments-app';
import * as crafted from './crafted-compound-files';
import * as sample from './sample-files';

/**
 * What a crafted upload may add to the event loop's delay. On a machine
 * shared with other work, timers run late by themselves (tens of ms, at
 * times hundreds), so the allowance is over what the same request with a
 * file that needs no parsing sees just before; the old reader added seconds.
 */
const ALLOWED_EXTRA_DELAY_MS = 200;
/** The second client asks for the health check this often. */
const POLL_EVERY_MS = 20;

const validForm: Record<string, string> = {
  lang: 'th',
  subject: 'ขอให้ซ่อมไฟถนน',
  description: 'ไฟถนนหน้าโรงเรียนดับ แนบคำร้องเป็นไฟล์ Word',
  'complainant.name': 'สมใจ ดีงาม',
  consent: 'yes',
};

describe('a crafted compound file does not hold the server', () => {
  let t: TestApp;
  let dir: string;
  let app: Awaited<ReturnType<typeof startAttachmentsApp>>;

  beforeAll(async () => {
    app = await startAttachmentsApp();
    ({ t, dir } = app);
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    await app.reset();
    // Starts the inspection worker (which loads its TypeScript under jest) before anything is measured.
    await postForm(sample.doc(), 'warm-up.doc').expect(201);
    await app.reset();
  });

  const postForm = (file: Buffer, name: string) => {
    let req = request(t.http).post('/complaints/new');
    for (const [k, v] of Object.entries(validForm)) req = req.field(k, v);
    return req.attach('files', file, name);
  };

  /**
   * Runs `work` while a second client polls the health check, with the
   * event loop's delay measured throughout: what the server's other
   * clients would feel.
   */
  async function whileHealthIsPolled<T>(work: () => Promise<T>) {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const health: number[] = [];
    let done = false;
    delay.enable();
    const poller = (async () => {
      while (!done) {
        const [res] = await Promise.all([request(t.http).get('/api/v1/health'), new Promise((r) => setTimeout(r, POLL_EVERY_MS))]);
        health.push(res.status);
      }
    })();
    try {
      const result = await work();
      return { result, health, maxDelayMs: delay.max / 1e6 };
    } finally {
      done = true;
      await poller;
      delay.disable();
    }
  }

  /** The event loop's delay, at its worst, while the same request carries a file refused by its first bytes. */
  async function quietDelayMs(send: (file: Buffer) => Promise<unknown>): Promise<number> {
    return (await whileHealthIsPolled(() => send(sample.html()))).maxDelayMs;
  }

  it('refuses it on the public web form while the health check keeps answering', async () => {
    const quiet = await quietDelayMs((file) => postForm(file, 'quiet.doc').expect(400));
    const { result, health, maxDelayMs } = await whileHealthIsPolled(() => postForm(crafted.difatLoop(), 'คำร้อง.doc'));
    expect(result.status).toBe(400);
    expect(result.text).toContain('&quot;คำร้อง.doc&quot; ไม่ใช่ชนิดไฟล์ที่รับ');
    expect(maxDelayMs).toBeLessThan(quiet + ALLOWED_EXTRA_DELAY_MS);
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((s) => s === 200)).toBe(true);
    expect(await countRows(t.db)).toMatchObject({ cases: 0 });
    expect(await sample.filesUnder(dir)).toEqual([]);
  });

  it('refuses four at once on the citizen attachment API, every crafted kind among them', async () => {
    const codes = await Promise.all(
      [1, 2, 3, 4].map(async () => (await request(t.http).post('/api/v1/complaints').send(complaintBody()).expect(201)).body.trackingCode),
    );
    const files = [crafted.difatLoop(), crafted.selfPointingFat(), crafted.directoryLoop(), crafted.hugeSectorCounts()];
    const send = (each: (i: number) => Buffer) =>
      Promise.all(
        codes.map((code, i) =>
          request(t.http).post(`/api/v1/complaints/track/${code}/attachments`).attach('files', each(i), `evidence-${i}.doc`),
        ),
      );
    const quiet = await quietDelayMs((file) => send(() => file));
    const { result, health, maxDelayMs } = await whileHealthIsPolled(() => send((i) => files[i]));
    for (const res of result) {
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'files', code: 'fileType' })]);
    }
    expect(maxDelayMs).toBeLessThan(quiet + ALLOWED_EXTRA_DELAY_MS);
    expect(health.every((s) => s === 200)).toBe(true);
    expect(await sample.filesUnder(dir)).toEqual([]);
  });
});
