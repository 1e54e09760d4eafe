import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { startAttachmentsApp } from '../attachments/attachments-app';
import * as photo from '../attachments/sample-photos';
import { fileReport, receiptBearer, TEST_POW_DIFFICULTY } from './channel';

describe('the whistleblower pages and files', () => {
  let app: Awaited<ReturnType<typeof startAttachmentsApp>>;

  beforeAll(async () => {
    app = await startAttachmentsApp({ WHISTLEBLOWER_POW_DIFFICULTY: TEST_POW_DIFFICULTY });
  });
  afterAll(() => app.close());

  it.each(['/report', '/report?lang=en', '/report/follow-up'])('serves %s with strict headers, no cookie and nothing from elsewhere', async (path) => {
    const res = await request(app.t.http).get(path).expect(200);
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['set-cookie']).toBeUndefined();
    // Every src and href stays on our origin.
    const external = [...res.text.matchAll(/(?:src|href|action)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('/') && !u.startsWith('#'));
    expect(external).toEqual([]);
    expect(res.text).not.toMatch(/style="/);
  });

  it('explains the protections in plain Thai, and in English on the language switch', async () => {
    const th = await request(app.t.http).get('/report').expect(200);
    expect(th.text).toContain('ระบบไม่บันทึกที่อยู่ไอพี');
    expect(th.text).toContain('เข้ารหัส');
    expect(th.text).toContain('อาจมีชื่อผู้สร้างหรือข้อมูลอื่นของท่านอยู่ในตัวไฟล์');
    const en = await request(app.t.http).get('/report?lang=en').expect(200);
    expect(en.text).toContain('does not record your IP address');
    expect(en.text).toContain('documents (PDF, Word, Excel) may carry your name');
  });

  it('the home page links the separate channel', async () => {
    const home = await request(app.t.http).get('/').expect(200);
    expect(home.text).toContain('href="/report"');
  });

  it('takes files after filing, with the photo’s GPS and comment removed before storage', async () => {
    const { receiptCode } = await fileReport(app.t);
    const auth = await receiptBearer(app.t, receiptCode);
    const res = await request(app.t.http)
      .post('/api/v1/whistleblower/report/attachments')
      .set('Authorization', auth)
      .attach('files', await photo.jpegWithGps(), 'evidence.jpg')
      .expect(201);
    expect(res.body).toEqual({ added: 1 });
    const [row] = await app.t.db.query(`SELECT storage_key AS "key", uploader_role AS role FROM attachments ORDER BY created_at DESC LIMIT 1`);
    expect(row.role).toBe('whistleblower');
    const stored = await readFile(join(app.dir, row.key));
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(stored.toString('latin1')).not.toContain(photo.COMMENT);
    const report = await request(app.t.http).get('/api/v1/whistleblower/report').set('Authorization', auth).expect(200);
    expect(report.body.attachments).toBe(1);

    // Without a receipt token nothing is taken.
    await request(app.t.http).post('/api/v1/whistleblower/report/attachments').attach('files', await photo.jpegWithGps(), 'x.jpg').expect(401);
  });
});
