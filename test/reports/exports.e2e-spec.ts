import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { ManualClock } from '../../src/common/time/clock';
import { act, departmentId, registerCase } from '../support/cases';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { tokensNow } from './clock-tokens';

const ARTIFACTS = join(__dirname, '..', 'artifacts');
const bkk = (local: string) => new Date(`${local}+07:00`);

/** Binary bodies through supertest. */
function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** A CSV line into cells, honouring quotes (enough for what summaryCsv writes). */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(cur), (cur = '');
    else cur += ch;
  }
  out.push(cur);
  return out;
}

describe('summary exports', () => {
  const clock = new ManualClock(bkk('2025-10-05T09:00:00'));
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof tokensNow>>;
  let json: { rows: Array<Record<string, unknown>>; totals: Record<string, unknown> };
  const get = (query: string) => request(t.http).get(`/api/v1/reports/summary?fiscalYear=2569&${query}`).set('Authorization', tokens.center);

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    await resetCases(t.db);
    tokens = await tokensNow(t);
    const works = await departmentId(t, 'works');
    for (const [i, received] of ['2025-10-01T08:00:00', '2025-10-02T08:00:00', '2025-10-03T08:00:00'].entries()) {
      const c = await registerCase(t, tokens.center, { receivedAt: bkk(received).toISOString(), channel: i === 0 ? 'letter' : 'phone' });
      if (i < 2) {
        for (const body of [{ action: 'accept' }, { action: 'assign', departmentId: works }, { action: 'start' }, { action: 'resolve', message: 'ซ่อมท่อแล้ว' }]) {
          await act(t, tokens.center, c.id, body).expect(200);
        }
      }
    }
    clock.set(bkk('2025-11-20T09:00:00'));
    tokens = await tokensNow(t);
    await registerCase(t, tokens.center, { receivedAt: bkk('2025-11-19T08:00:00').toISOString(), channel: 'walk_in' });
    await request(t.http)
      .put('/api/v1/reports/notes/2569/year/1')
      .set('Authorization', tokens.center)
      .send({
        problems: 'เรื่องร้องเรียนเกี่ยวกับน้ำประปาไม่ไหลเพิ่มขึ้นในช่วงฤดูแล้ง ทำให้เจ้าหน้าที่กองช่างต้องออกตรวจสอบพื้นที่บ่อยครั้งและแก้ไขปัญหาได้ไม่ทันภายในสิบห้าวันในบางกรณี',
        obstacles: 'บุคลากรและงบประมาณสำหรับการซ่อมแซมท่อประปามีจำกัด',
        solutions: 'ประสานการประปาส่วนภูมิภาคและวางแผนซ่อมบำรุงเชิงป้องกันก่อนฤดูแล้ง',
      })
      .expect(200);
    json = (await get('').expect(200)).body;
  }, 120_000);

  afterAll(async () => {
    await resetCases(t.db);
    await t.close();
  });

  it('writes CSV in UTF-8 with a BOM that parses back to the same figures', async () => {
    const res = await get('format=csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="rongrian-general-2569-month\.csv"/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const lines = res.text.slice(1).trimEnd().split('\r\n').map(parseCsvLine);
    expect(lines[0].slice(0, 5)).toEqual(['ช่วงเวลา', 'ตั้งแต่วันที่', 'ถึงวันที่', 'รับเรื่อง', 'แก้ไขแล้ว']);
    expect(lines).toHaveLength(14);
    const all = [...json.rows, json.totals];
    lines.slice(1).forEach((l, i) => {
      const r = all[i];
      expect(l[0]).toBe(r.label);
      expect(Number(l[3])).toBe(r.received);
      expect(Number(l[4])).toBe(r.resolved);
      expect(Number(l[7])).toBe(r.open);
      expect(l[14] === '' ? null : Number(l[14])).toBe(r.resolvedWithinDeadlinePct);
      expect(l[16] === '' ? null : Number(l[16])).toBe(r.avgDaysToResolve);
    });
    expect(lines[13]).toEqual(expect.arrayContaining(['ปีงบประมาณ 2569', '4', '2']));
  });

  it('writes XLSX with Thai headers and one sheet per breakdown that read back to the same figures', async () => {
    const res = await get('format=xlsx').buffer(true).parse(binary).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['สรุป', 'ตามประเภทเรื่อง', 'ตามช่องทาง', 'ตามหน่วยงาน', 'ตามหมวดเรื่อง']);
    const summary = book.getWorksheet('สรุป')!;
    expect(summary.getRow(1).getCell(4).value).toBe('รับเรื่อง');
    expect(summary.getRow(2).getCell(1).value).toBe('ต.ค. 2568');
    expect(summary.getRow(2).getCell(4).value).toBe(3);
    expect(summary.getRow(14).getCell(4).value).toBe(4);
    const channels = book.getWorksheet('ตามช่องทาง')!;
    const yearRows = channels.getSheetValues().filter((r) => Array.isArray(r) && r[1] === 'ปีงบประมาณ 2569') as unknown[][];
    expect(Object.fromEntries(yearRows.map((r) => [r[2], r[4]]))).toEqual({ phone: 2, letter: 1, walk_in: 1 });
  });

  it('prints a PDF for the executive meeting, in Sarabun, with the figures, chart and the centre’s notes', async () => {
    const res = await get('format=pdf').buffer(true).parse(binary).expect(200);
    const pdf = res.body as Buffer;
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'executive-report.pdf');
    writeFileSync(file, pdf);
    // Sarabun is embedded (as a subset), not left to the reader's machine.
    expect(execFileSync('pdffonts', [file]).toString()).toMatch(/Sarabun.*yes/);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('รายงานสรุปผลการดำเนินการ');
    expect(text).toContain('ปีงบประมาณ 2569');
    expect(text).toContain('ปัญหา อุปสรรค และแนวทางแก้ไข');
    expect(text).toContain('บุคลากรและงบประมาณ');
    // One page as an image, to look at.
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, join(ARTIFACTS, 'executive-report')]);
  });

  it('prints one period of the year on its own', async () => {
    const res = await get('format=pdf&period=quarter&part=1').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toMatch(/rongrian-general-2569-quarter-1\.pdf/);
    await get('format=pdf&period=half&part=3').expect(400);
  });

  it('lets only the centre write notes, and reads them back', async () => {
    await request(t.http).put('/api/v1/reports/notes/2569/month/1').set('Authorization', tokens.executive).send({ problems: 'x' }).expect(403);
    await request(t.http).put('/api/v1/reports/notes/2569/quarter/5').set('Authorization', tokens.center).send({ problems: 'x' }).expect(400);
    const notes = (await request(t.http).get('/api/v1/reports/notes?fiscalYear=2569').set('Authorization', tokens.executive).expect(200)).body;
    expect(notes.items).toEqual([expect.objectContaining({ period: 'year', part: 1, obstacles: 'บุคลากรและงบประมาณสำหรับการซ่อมแซมท่อประปามีจำกัด' })]);
  });
});
