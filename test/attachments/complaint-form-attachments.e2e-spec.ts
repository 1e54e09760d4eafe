import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { AttachmentsRepository } from '../../src/modules/attachments/attachments.repository';
import { countRows, TestApp } from '../support/test-app';
import { startAttachmentsApp } from './attachments-app';
import * as sample from './sample-files';

const validForm: Record<string, string> = {
  lang: 'th',
  subject: 'ท่อระบายน้ำอุดตัน',
  categoryCode: 'roads',
  description: 'ท่อระบายน้ำหน้าตลาดอุดตัน น้ำท่วมขังทุกครั้งที่ฝนตก',
  location: 'ตลาดเทศบาล',
  'complainant.name': 'สมใจ ดีงาม',
  'complainant.email': 'somjai@example.com',
  consent: 'yes',
};

describe('filing on the web form with attachments', () => {
  let t: TestApp;
  let dir: string;

  let app: Awaited<ReturnType<typeof startAttachmentsApp>>;

  beforeAll(async () => {
    app = await startAttachmentsApp();
    ({ t, dir } = app);
  });
  afterAll(() => app.close());
  beforeEach(() => app.reset());

  const post = (fields: Record<string, string>, files: Array<[Buffer, string]> = []) => {
    let req = request(t.http).post('/complaints/new');
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    for (const [bytes, name] of files) req = req.attach('files', bytes, name);
    return req;
  };

  it('offers an accessible, multipart file field', async () => {
    const res = await request(t.http).get('/complaints/new').expect(200);
    expect(res.text).toContain('enctype="multipart/form-data"');
    expect(res.text).toMatch(/<input type="file" id="f-files" name="files" multiple accept="[^"]*\.jpg[^"]*application\/pdf[^"]*" aria-describedby="f-files-hint">/);
    expect(res.text).toContain('<label for="f-files">ไฟล์แนบ (ถ้ามี)</label>');
    expect(res.text).toContain('เบราว์เซอร์ไม่สามารถเก็บไฟล์ที่เลือกไว้ให้ได้');
    const en = await request(t.http).get('/complaints/new?lang=en').expect(200);
    expect(en.text).toContain('browsers cannot keep them');
  });

  it('writes the case and its files together', async () => {
    const photo = sample.png();
    const res = await post(validForm, [
      [photo, 'ท่อ.png'],
      [sample.pdf(), 'คำร้อง.pdf'],
    ]).expect(201);
    expect(res.text).toContain('แนบไฟล์แล้ว 2 ไฟล์');
    const rows = await t.db.query(
      `SELECT c.subject, a.file_name, a.media_type, a.size_bytes, a.uploader_role, a.storage_key
       FROM attachments a JOIN cases c ON c.id = a.case_id ORDER BY a.created_at`,
    );
    expect(rows).toMatchObject([
      { subject: validForm.subject, file_name: 'ท่อ.png', media_type: 'image/png', size_bytes: photo.length, uploader_role: 'citizen' },
      { file_name: 'คำร้อง.pdf', media_type: 'application/pdf' },
    ]);
    expect(Buffer.compare(await readFile(join(dir, rows[0].storage_key)), photo)).toBe(0);
    // The filing's line and the files' line on the timeline.
    expect(await countRows(t.db)).toMatchObject({ cases: 1, events: 2 });
    const actions = await t.db.query(`SELECT action, public FROM case_events ORDER BY id`);
    expect(actions).toEqual([{ action: 'receive', public: true }, { action: 'attach', public: false }]);
  });

  it('files without attachments from the multipart form, as before', async () => {
    const res = await post(validForm).expect(201);
    expect(res.text).toContain('โปรดจดหรือบันทึกรหัสนี้ไว้');
    expect(res.text).not.toContain('แนบไฟล์แล้ว');
    expect(await countRows(t.db)).toMatchObject({ cases: 1 });
  });

  it('shows a refused file beside the field, keeps the typed text, and writes nothing', async () => {
    const res = await post(validForm, [
      [sample.png(), 'ok.png'],
      [sample.html(), 'รูป.jpg'],
    ]).expect(400);
    expect(res.text).toContain('<p class="error" id="f-files-error">&quot;รูป.jpg&quot; ไม่ใช่ชนิดไฟล์ที่รับ');
    expect(res.text).toMatch(/id="f-files"[^>]*aria-describedby="f-files-hint f-files-error" aria-invalid="true"/);
    expect(res.text).toContain('href="#f-files"');
    expect(res.text).toContain(`value="${validForm.subject}"`);
    expect(res.text).toContain(validForm.description);
    expect(res.text).toContain('<option value="roads" selected>');
    expect(res.text).toMatch(/id="f-consent"[^>]*checked/);
    expect(await countRows(t.db)).toMatchObject({ cases: 0, complainants: 0, events: 0 });
    expect(await sample.filesUnder(dir)).toEqual([]);
  });

  it('answers an over-size file with 413 and the form, in English when the form was', async () => {
    const res = await post({ ...validForm, lang: 'en' }, [[sample.paddedPng(10 * 1024 * 1024 + 1), 'huge.png']]).expect(413);
    expect(res.text).toContain('&quot;huge.png&quot; is larger than 10 MB');
    expect(res.text).toContain(validForm.description);
    expect(await countRows(t.db)).toMatchObject({ cases: 0 });
  });

  it('keeps every typed field when too many files are sent', async () => {
    const res = await post(validForm, [1, 2, 3, 4, 5, 6, 7].map((n) => [sample.png(), `${n}.png`] as [Buffer, string])).expect(400);
    expect(res.text).toContain('แนบไฟล์ได้ไม่เกิน 5 ไฟล์');
    expect(res.text).toContain(`value="${validForm['complainant.name']}"`);
    expect(res.text).toMatch(/id="f-consent"[^>]*checked/);
    expect(await countRows(t.db)).toMatchObject({ cases: 0 });
  });

  it('asks for the files again when only a text field was wrong', async () => {
    const res = await post({ ...validForm, subject: '' }, [[sample.png(), 'ok.png']]).expect(400);
    expect(res.text).toContain('id="f-subject-error"');
    expect(res.text).toContain('ไฟล์ที่ท่านเลือกไว้ยังไม่ได้ส่ง โปรดเลือกอีกครั้ง');
    expect(await sample.filesUnder(dir)).toEqual([]);
  });

  it('writes neither the case nor the files when recording the files fails inside the filing', async () => {
    const spy = jest.spyOn(t.app.get(AttachmentsRepository), 'insertMany').mockRejectedValueOnce(new Error('disk full'));
    try {
      await post(validForm, [[sample.png(), 'ok.png']]).expect(500);
    } finally {
      spy.mockRestore();
    }
    expect(await countRows(t.db)).toMatchObject({ cases: 0, complainants: 0, events: 0, notifications: 0, counters: 0 });
    expect(await sample.filesUnder(dir)).toEqual([]);
  });

  it('stores nothing when the complaint itself is refused', async () => {
    const res = await post({ ...validForm, categoryCode: 'no_such_category' }, [[sample.png(), 'ok.png']]).expect(400);
    expect(res.text).toContain('ไม่พบประเภทเรื่องนี้');
    expect(await countRows(t.db)).toMatchObject({ cases: 0 });
    expect(await sample.filesUnder(dir)).toEqual([]);
  });
});
