import request from 'supertest';
import { generateTrackingCode, TRACKING_ALPHABET } from '../../src/modules/cases/tracking-code';
import { complaintBody } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { startAttachmentsApp } from './attachments-app';
import * as sample from './sample-files';

describe('POST /api/v1/complaints/track/:trackingCode/attachments', () => {
  let t: TestApp;
  let dir: string;

  let app: Awaited<ReturnType<typeof startAttachmentsApp>>;

  beforeAll(async () => {
    app = await startAttachmentsApp();
    ({ t, dir } = app);
  });
  afterAll(() => app.close());
  beforeEach(() => app.reset());

  async function file(): Promise<string> {
    return (await request(t.http).post('/api/v1/complaints').send(complaintBody()).expect(201)).body.trackingCode;
  }

  const upload = (code: string, files: Array<[Buffer, string]>) => {
    let req = request(t.http).post(`/api/v1/complaints/track/${code}/attachments`);
    for (const [bytes, name] of files) req = req.attach('files', bytes, name);
    return req;
  };

  const stored = async () => ({
    rows: (await t.db.query('SELECT count(*)::int AS n FROM attachments'))[0].n as number,
    objects: (await sample.filesUnder(dir)).length,
  });

  it('adds files to the complainant’s own case, shown to staff as from the citizen', async () => {
    const code = await file();
    const typed = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`.toLowerCase();
    const res = await upload(typed, [
      [sample.jpeg(), 'หลุมบนถนน.jpg'],
      [sample.docx(), 'รายละเอียดเพิ่มเติม.docx'],
    ]).expect(201);
    expect(res.body.items).toEqual([
      { fileName: 'หลุมบนถนน.jpg', mediaType: 'image/jpeg', sizeBytes: sample.jpeg().length, createdAt: expect.any(String) },
      expect.objectContaining({ mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
    ]);
    const rows = await t.db.query(
      `SELECT a.uploader_role, a.uploaded_by FROM attachments a JOIN cases c ON c.id = a.case_id WHERE c.tracking_code = $1`,
      [code],
    );
    expect(rows).toEqual([
      { uploader_role: 'citizen', uploaded_by: null },
      { uploader_role: 'citizen', uploaded_by: null },
    ]);
    expect(await stored()).toEqual({ rows: 2, objects: 2 });
  });

  it('caps the complainant’s files at five per case, with 409 past it', async () => {
    const code = await file();
    await upload(code, [1, 2, 3].map((n) => [sample.png(), `${n}.png`] as [Buffer, string])).expect(201);
    const over = await upload(code, [4, 5, 6].map((n) => [sample.png(), `${n}.png`] as [Buffer, string])).expect(409);
    expect(over.body).toMatchObject({ statusCode: 409, message: expect.stringContaining('2 more can be added') });
    await upload(code, [4, 5].map((n) => [sample.png(), `${n}.png`] as [Buffer, string])).expect(201);
    await upload(code, [[sample.png(), '6.png']]).expect(409);
    expect(await stored()).toEqual({ rows: 5, objects: 5 });
  });

  it('holds the cap when uploads race', async () => {
    const code = await file();
    const results = await Promise.all(
      [1, 2, 3].map((n) => upload(code, [[sample.png(), `${n}a.png`], [sample.png(), `${n}b.png`]])),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409]);
    expect(await stored()).toEqual({ rows: 4, objects: 4 });
  });

  it('refuses files once the case is settled', async () => {
    const code = await file();
    await t.db.query(`UPDATE cases SET status = 'closed' WHERE tracking_code = $1`, [code]);
    const res = await upload(code, [[sample.png(), 'late.png']]).expect(409);
    expect(res.body.message).toContain('closed');
    expect(await stored()).toEqual({ rows: 0, objects: 0 });
  });

  it('checks the tracking code like the lookup does: a typo is 400, an unknown code 404', async () => {
    const code = await file();
    const wrong = TRACKING_ALPHABET[(TRACKING_ALPHABET.indexOf(code[2]) + 1) % TRACKING_ALPHABET.length];
    const typo = await upload(code.slice(0, 2) + wrong + code.slice(3), [[sample.png(), 'a.png']]).expect(400);
    expect(typo.body.details).toEqual([expect.objectContaining({ field: 'trackingCode', code: 'checksum' })]);
    await upload(generateTrackingCode(), [[sample.png(), 'a.png']]).expect(404);
    expect(await stored()).toEqual({ rows: 0, objects: 0 });
  });

  it('applies the same file rules as for staff', async () => {
    const code = await file();
    const svg = await upload(code, [[sample.svg(), 'map.png']]).expect(400);
    expect(svg.body.details).toEqual([expect.objectContaining({ field: 'files', code: 'fileType' })]);
    await upload(code, [[sample.paddedPng(10 * 1024 * 1024 + 1), 'big.png']]).expect(413);
    await upload(code, []).field('note', 'x').expect(400);
    expect(await stored()).toEqual({ rows: 0, objects: 0 });
  });
});
