import { stat } from 'node:fs/promises';
import request from 'supertest';
import { listenOnLoopback } from '../support/browser';
import { complaintBody } from '../support/factories';
import { countRows, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { startAttachmentsApp } from './attachments-app';
import { GeneratedFile, MultipartStream } from './multipart-stream';
import * as sample from './sample-files';

const MB = 1024 * 1024;
const bigPng = (name: string): GeneratedFile => ({ name, size: 10 * MB, head: sample.png().subarray(0, 33), contentType: 'image/png' });

/** Storage files still being written (the local driver's temporary names) and finished ones. */
async function storageState(dir: string): Promise<{ partial: number; partialBytes: number; complete: number }> {
  const files = await sample.filesUnder(dir);
  const partials = files.filter((f) => f.endsWith('.partial'));
  const sizes = await Promise.all(partials.map(async (f) => (await stat(f).catch(() => ({ size: 0 }))).size));
  return { partial: partials.length, partialBytes: sizes.reduce((a, b) => a + b, 0), complete: files.length - partials.length };
}

describe('uploads streamed into storage as they arrive', () => {
  let t: TestApp;
  let dir: string;
  let base: string;
  let app: Awaited<ReturnType<typeof startAttachmentsApp>>;

  beforeAll(async () => {
    app = await startAttachmentsApp();
    ({ t, dir } = app);
    base = await listenOnLoopback(t);
  });
  afterAll(() => app.close());
  beforeEach(() => app.reset());

  async function trackingCode(): Promise<string> {
    return (await request(t.http).post('/api/v1/complaints').send(complaintBody()).expect(201)).body.trackingCode;
  }

  it('writes a file to storage while the request is still arriving, then records it', async () => {
    const code = await trackingCode();
    const upload = new MultipartStream(`${base}/api/v1/complaints/track/${code}/attachments`);
    const photo = bigPng('ถนน.png');
    await upload.file('files', photo, 6 * MB);
    // Whole-body buffering would write nothing until the last byte had come.
    await waitFor(async () => (await storageState(dir)).partialBytes >= 4 * MB, { what: 'the first megabytes in storage' });
    await upload.finishFile(photo, 6 * MB);
    const res = await upload.end();
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body).items).toEqual([expect.objectContaining({ fileName: 'ถนน.png', sizeBytes: 10 * MB })]);
    expect(await storageState(dir)).toEqual({ partial: 0, partialBytes: 0, complete: 1 });
  });

  it('removes what was stored when the client goes away mid-upload, and serves the next request', async () => {
    const code = await trackingCode();
    const upload = new MultipartStream(`${base}/api/v1/complaints/track/${code}/attachments`);
    await upload.file('files', bigPng('first.png'));
    await upload.file('files', bigPng('second.png'), 5 * MB);
    await waitFor(async () => {
      const s = await storageState(dir);
      return s.complete === 1 && s.partialBytes >= 3 * MB;
    }, { what: 'the first file stored and the second under way' });
    upload.abort();
    await waitFor(async () => (await sample.filesUnder(dir)).length === 0, { what: 'storage emptied after the abort' });
    expect((await t.db.query('SELECT count(*)::int AS n FROM attachments'))[0].n).toBe(0);
    await request(t.http).post(`/api/v1/complaints/track/${code}/attachments`).attach('files', sample.png(), 'again.png').expect(201);
  });

  it('removes the stored files of a web form that comes back for its text', async () => {
    const form = new MultipartStream(`${base}/complaints/new`);
    await form.field('subject', '');
    await form.field('description', 'ท่อแตก');
    await form.file('files', bigPng('ท่อ.png'));
    const res = await form.end();
    expect(res.status).toBe(400);
    expect(res.body).toContain('id="f-subject-error"');
    expect(await sample.filesUnder(dir)).toEqual([]);
    expect(await countRows(t.db)).toMatchObject({ cases: 0 });
  });
});
