import { createHash } from 'node:crypto';
import request from 'supertest';
import { AttachmentsRepository } from '../../src/modules/attachments/attachments.repository';
import { ATTACHMENT_STORAGE, AttachmentStorage } from '../../src/modules/attachments/storage/attachment-storage';
import { staffTokens } from '../support/auth';
import { complaintBody } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { startAttachmentsApp } from './attachments-app';
import * as sample from './sample-files';

const MB = 1024 * 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('attachments on a case (staff)', () => {
  let t: TestApp;
  let dir: string;
  let tokens: Awaited<ReturnType<typeof staffTokens>>;

  let app: Awaited<ReturnType<typeof startAttachmentsApp>>;

  beforeAll(async () => {
    app = await startAttachmentsApp();
    ({ t, dir } = app);
    tokens = await staffTokens(t);
  });
  afterAll(() => app.close());
  beforeEach(() => app.reset());

  /** A general case routed to the given department (by code), as the centre would have done. */
  async function caseIn(departmentCode = 'works'): Promise<string> {
    const filed = await request(t.http).post('/api/v1/complaints').send(complaintBody()).expect(201);
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [rows] = await t.db.query(
      `UPDATE cases SET department_id = (SELECT id FROM departments WHERE code = $2)
       WHERE tracking_code = $1 RETURNING id`,
      [filed.body.trackingCode, departmentCode],
    );
    return rows[0].id;
  }

  const stored = async () => ({
    rows: (await t.db.query('SELECT count(*)::int AS n FROM attachments'))[0].n as number,
    objects: (await sample.filesUnder(dir)).length,
  });

  it('uploads, lists and downloads byte for byte, with the checksum recorded', async () => {
    const id = await caseIn();
    const photo = sample.png();
    const letter = sample.pdf('หนังสือร้องเรียน');
    const up = await request(t.http)
      .post(`/api/v1/cases/${id}/attachments`)
      .set('Authorization', tokens.works)
      .attach('files', photo, { filename: 'ถนนชำรุด.png', contentType: 'image/png' })
      .attach('files', letter, { filename: 'letter.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(up.body.items).toEqual([
      {
        id: expect.any(String),
        fileName: 'ถนนชำรุด.png',
        mediaType: 'image/png',
        sizeBytes: photo.length,
        uploaderRole: 'officer',
        createdAt: expect.any(String),
      },
      expect.objectContaining({ fileName: 'letter.pdf', mediaType: 'application/pdf', sizeBytes: letter.length }),
    ]);

    const list = await request(t.http).get(`/api/v1/cases/${id}/attachments`).set('Authorization', tokens.center).expect(200);
    expect(list.body.items.map((a: { fileName: string }) => a.fileName)).toEqual(['ถนนชำรุด.png', 'letter.pdf']);
    expect(JSON.stringify(list.body)).not.toMatch(/storage|sha256|\/[0-9a-f]{2}\//);

    const res = await request(t.http)
      .get(`/api/v1/cases/${id}/attachments/${up.body.items[0].id}`)
      .set('Authorization', tokens.worksHead)
      .buffer(true)
      .parse(sample.binary)
      .expect(200);
    expect(Buffer.compare(res.body, photo)).toBe(0);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-length']).toBe(String(photo.length));
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="________.png"; filename*=UTF-8''${encodeURIComponent('ถนนชำรุด')}.png`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-store');

    const rows = await t.db.query(
      `SELECT file_name, sha256, size_bytes, uploaded_by IS NOT NULL AS by_staff, storage_key FROM attachments ORDER BY file_name`,
    );
    expect(rows.find((r: { file_name: string }) => r.file_name === 'letter.pdf')).toMatchObject({
      sha256: sha256(letter),
      size_bytes: letter.length,
      by_staff: true,
    });
    expect(rows.find((r: { file_name: string }) => r.file_name === 'ถนนชำรุด.png').sha256).toBe(sha256(photo));
    // Keys are ours, never derived from the file name.
    for (const r of rows) expect(r.storage_key).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(await stored()).toEqual({ rows: 2, objects: 2 });
  });

  it('judges the type by content: a PNG named .pdf is stored as a PNG', async () => {
    const id = await caseIn();
    const res = await request(t.http)
      .post(`/api/v1/cases/${id}/attachments`)
      .set('Authorization', tokens.center)
      .attach('files', sample.png(), { filename: 'scan.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(res.body.items[0]).toMatchObject({ mediaType: 'image/png', fileName: 'scan.png' });
  });

  it.each([
    ['HTML named .jpg', sample.html(), 'photo.jpg', 'image/jpeg'],
    ['SVG named .jpg', sample.svg(), 'logo.jpg', 'image/jpeg'],
    ['a Windows program', sample.exe(), 'setup.exe', 'application/octet-stream'],
    ['a Windows program named .pdf', sample.exe(), 'invoice.pdf', 'application/pdf'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_name, bytes, filename, contentType) => {
    const id = await caseIn();
    const res = await request(t.http)
      .post(`/api/v1/cases/${id}/attachments`)
      .set('Authorization', tokens.center)
      .attach('files', sample.png(), 'fine.png')
      .attach('files', bytes, { filename, contentType })
      .expect(400);
    expect(res.body.details).toEqual([
      expect.objectContaining({ field: 'files', code: 'fileType', message: expect.stringContaining(filename) }),
    ]);
    expect(await stored()).toEqual({ rows: 0, objects: 0 });
  });

  it('accepts a file of exactly 10 MB, and refuses one byte more with 413, writing nothing', async () => {
    const id = await caseIn();
    const tooBig = await request(t.http)
      .post(`/api/v1/cases/${id}/attachments`)
      .set('Authorization', tokens.center)
      .attach('files', sample.png(), 'small.png')
      .attach('files', sample.paddedPng(10 * MB + 1), 'big.png')
      .expect(413);
    expect(tooBig.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(tooBig.body.message).toMatch(/big\.png.*10 MB/);
    expect(await stored()).toEqual({ rows: 0, objects: 0 });

    const exact = await request(t.http)
      .post(`/api/v1/cases/${id}/attachments`)
      .set('Authorization', tokens.center)
      .attach('files', sample.paddedPng(10 * MB), 'exact.png')
      .expect(201);
    expect(exact.body.items[0].sizeBytes).toBe(10 * MB);
  });

  it('refuses six files at once with 400, writing nothing', async () => {
    const id = await caseIn();
    let req = request(t.http).post(`/api/v1/cases/${id}/attachments`).set('Authorization', tokens.center);
    for (let i = 1; i <= 6; i++) req = req.attach('files', sample.png(), `p${i}.png`);
    const res = await req.expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'files', code: 'maxFiles' })]);
    expect(await stored()).toEqual({ rows: 0, objects: 0 });
  });

  it('refuses empty files, missing files and files under another field name', async () => {
    const id = await caseIn();
    const url = `/api/v1/cases/${id}/attachments`;
    const empty = await request(t.http).post(url).set('Authorization', tokens.center).attach('files', Buffer.alloc(0), 'empty.pdf');
    expect(empty.status).toBe(400);
    expect(empty.body.details).toEqual([expect.objectContaining({ field: 'files', code: 'fileEmpty' })]);
    const none = await request(t.http).post(url).set('Authorization', tokens.center).field('note', 'x');
    expect(none.status).toBe(400);
    expect(none.body.details.map((d: { code: string }) => d.code).sort()).toEqual(['fileRequired', 'unknownField']);
    const json = await request(t.http).post(url).set('Authorization', tokens.center).send({ files: [] });
    expect(json.status).toBe(400);
    const other = await request(t.http).post(url).set('Authorization', tokens.center).attach('photo', sample.png(), 'a.png');
    expect(other.status).toBe(400);
    expect(other.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'photo', code: 'unknownField' })]));
    expect(await stored()).toEqual({ rows: 0, objects: 0 });
  });

  it('keeps every case within its scope: 404 outside it, on every route', async () => {
    const works = await caseIn('works');
    const up = await request(t.http)
      .post(`/api/v1/cases/${works}/attachments`)
      .set('Authorization', tokens.works)
      .attach('files', sample.png(), 'a.png')
      .expect(201);
    const attachmentId = up.body.items[0].id;

    for (const who of ['finance', 'integrity', 'admin'] as const) {
      await request(t.http).get(`/api/v1/cases/${works}/attachments`).set('Authorization', tokens[who]).expect(404);
      await request(t.http).get(`/api/v1/cases/${works}/attachments/${attachmentId}`).set('Authorization', tokens[who]).expect(404);
    }
    for (const who of ['finance', 'integrity'] as const) {
      await request(t.http)
        .post(`/api/v1/cases/${works}/attachments`)
        .set('Authorization', tokens[who])
        .attach('files', sample.png(), 'b.png')
        .expect(404);
    }
    // An attachment id is only ever found through its own case.
    const finance = await caseIn('finance');
    await request(t.http).get(`/api/v1/cases/${finance}/attachments/${attachmentId}`).set('Authorization', tokens.center).expect(404);
    await request(t.http).get(`/api/v1/cases/${works}/attachments/not-a-uuid`).set('Authorization', tokens.center).expect(404);
    await request(t.http).get(`/api/v1/cases/not-a-uuid/attachments`).set('Authorization', tokens.center).expect(404);
    await request(t.http).get(`/api/v1/cases/${works}/attachments`).expect(401);
    expect(await stored()).toEqual({ rows: 1, objects: 1 });
  });

  it('lets executives see the list but neither download nor upload, and administrators do none of it', async () => {
    const id = await caseIn();
    const up = await request(t.http)
      .post(`/api/v1/cases/${id}/attachments`)
      .set('Authorization', tokens.works)
      .attach('files', sample.png(), 'บัตรประชาชนผู้ร้อง.png')
      .expect(201);
    const list = await request(t.http).get(`/api/v1/cases/${id}/attachments`).set('Authorization', tokens.executive).expect(200);
    expect(list.body.items).toHaveLength(1);
    const download = await request(t.http)
      .get(`/api/v1/cases/${id}/attachments/${up.body.items[0].id}`)
      .set('Authorization', tokens.executive)
      .expect(403);
    expect(download.headers['content-disposition']).toBeUndefined();
    expect(download.body).toMatchObject({ statusCode: 403 });
    for (const who of ['executive', 'admin'] as const) {
      await request(t.http)
        .post(`/api/v1/cases/${id}/attachments`)
        .set('Authorization', tokens[who])
        .attach('files', sample.png(), 'a.png')
        .expect(403);
    }
    // The centre, which works the case, still downloads it.
    await request(t.http)
      .get(`/api/v1/cases/${id}/attachments/${up.body.items[0].id}`)
      .set('Authorization', tokens.center)
      .expect(200)
      .expect('Cache-Control', 'private, no-store')
      .expect('X-Content-Type-Options', 'nosniff');
    expect(await stored()).toEqual({ rows: 1, objects: 1 });
  });

  it('answers 500, not a client error, when storage cannot take a file, removing the files it took', async () => {
    const id = await caseIn();
    const storage = t.app.get<AttachmentStorage>(ATTACHMENT_STORAGE);
    const put = storage.put.bind(storage);
    const spy = jest
      .spyOn(storage, 'put')
      .mockImplementationOnce(put)
      .mockImplementationOnce(() => Promise.reject(new Error('no space left on device')));
    try {
      const res = await request(t.http)
        .post(`/api/v1/cases/${id}/attachments`)
        .set('Authorization', tokens.center)
        .attach('files', sample.png(), 'a.png')
        .attach('files', sample.pdf(), 'b.pdf')
        .expect(500);
      expect(JSON.stringify(res.body)).not.toContain('no space left');
    } finally {
      spy.mockRestore();
    }
    expect(await stored()).toEqual({ rows: 0, objects: 0 });
  });

  it('removes the stored files when the rows cannot be written', async () => {
    const id = await caseIn();
    const repo = t.app.get(AttachmentsRepository);
    const spy = jest.spyOn(repo, 'insertMany').mockRejectedValueOnce(new Error('database went away'));
    try {
      await request(t.http)
        .post(`/api/v1/cases/${id}/attachments`)
        .set('Authorization', tokens.center)
        .attach('files', sample.png(), 'a.png')
        .attach('files', sample.pdf(), 'b.pdf')
        .expect(500);
    } finally {
      spy.mockRestore();
    }
    expect(await stored()).toEqual({ rows: 0, objects: 0 });
  });
});
