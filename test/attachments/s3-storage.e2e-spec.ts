import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import request from 'supertest';
import { newStorageKey } from '../../src/modules/attachments/storage/attachment-storage';
import { S3Storage } from '../../src/modules/attachments/storage/s3.storage';
import { staffTokens } from '../support/auth';
import { complaintBody } from '../support/factories';
import { resetCases, startTestApp, TestApp } from '../support/test-app';
import { difatLoop, longDirectoryChain } from './crafted-compound-files';
import * as sample from './sample-files';

// s3rver ships no types; the little used here is declared where it is used.
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
};

const BUCKET = 'rongrian-attachments';

/** The S3 driver against a real S3 protocol server (s3rver) on loopback. */
describe('S3-compatible attachment storage', () => {
  let server: InstanceType<typeof S3rver>;
  let dir: string;
  let endpoint: string;
  const credentials = { S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rongrian-s3rver-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: BUCKET }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('puts, reads back and deletes an object', async () => {
    const storage = new S3Storage({ endpoint, region: 'us-east-1', bucket: BUCKET, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    try {
      const key = newStorageKey();
      const bytes = sample.pdf('ข้อมูลทดสอบ');
      await storage.put(key, Readable.from([bytes]));
      expect(Buffer.compare(await buffer(await storage.openForRead(key)), bytes)).toBe(0);
      expect(Buffer.compare(await storage.readRange(key, 5, 20), bytes.subarray(5, 25))).toBe(0);
      await storage.delete(key);
      await expect(storage.openForRead(key)).rejects.toMatchObject({ name: 'NoSuchKey' });
      await expect(storage.put('../escape', Readable.from([bytes]))).rejects.toThrow(/storage key/);
    } finally {
      storage.destroy();
    }
  });

  it('streams a file larger than one part as a multipart upload', async () => {
    const storage = new S3Storage({ endpoint, region: 'us-east-1', bucket: BUCKET, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    try {
      const key = newStorageKey();
      const bytes = sample.paddedPng(12 * 1024 * 1024);
      // Chunks as a request delivers them; the driver never sees the whole file at once.
      const chunks = function* () {
        for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
      };
      await storage.put(key, Readable.from(chunks()));
      const back = await buffer(await storage.openForRead(key));
      expect(createHash('sha256').update(back).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(Buffer.compare(await storage.readRange(key, 11 * 1024 * 1024, 8), bytes.subarray(11 * 1024 * 1024, 11 * 1024 * 1024 + 8))).toBe(0);
      await storage.delete(key);
    } finally {
      storage.destroy();
    }
  });

  it('leaves no object when the body fails after a part has gone up', async () => {
    const storage = new S3Storage({ endpoint, region: 'us-east-1', bucket: BUCKET, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    try {
      const key = newStorageKey();
      let sent = 0;
      const failing = new Readable({
        read() {
          if (sent >= 7 * 1024 * 1024) return void this.destroy(new Error('client went away'));
          sent += 64 * 1024;
          this.push(Buffer.alloc(64 * 1024, 7));
        },
      });
      // s3rver refuses AbortMultipartUpload, whose error then comes out instead; S3 and MinIO accept it.
      await expect(storage.put(key, failing)).rejects.toThrow();
      await expect(storage.openForRead(key)).rejects.toMatchObject({ name: 'NoSuchKey' });
    } finally {
      storage.destroy();
    }
  });

  describe('behind the API', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({ ATTACHMENTS_DRIVER: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: BUCKET, ...credentials });
    });
    afterAll(() => t?.close());
    beforeEach(() => resetCases(t.db));

    it('round-trips an upload through the bucket', async () => {
      const { center } = await staffTokens(t);
      const filed = await request(t.http).post('/api/v1/complaints').send(complaintBody()).expect(201);
      const [{ id }] = await t.db.query('SELECT id FROM cases WHERE tracking_code = $1', [filed.body.trackingCode]);
      const photo = sample.paddedPng(1024 * 1024);
      const up = await request(t.http)
        .post(`/api/v1/cases/${id}/attachments`)
        .set('Authorization', center)
        .attach('files', photo, 'big-photo.png')
        .expect(201);
      const res = await request(t.http)
        .get(`/api/v1/cases/${id}/attachments/${up.body.items[0].id}`)
        .set('Authorization', center)
        .buffer(true)
        .parse(sample.binary)
        .expect(200);
      expect(createHash('sha256').update(res.body).digest('hex')).toBe(createHash('sha256').update(photo).digest('hex'));
      const [{ storage_key: key }] = await t.db.query('SELECT storage_key FROM attachments');
      expect((await sample.filesUnder(join(dir, BUCKET))).some((f) => f.includes(key.slice(3)))).toBe(true);
    });

    it('reads a Word file’s tables past its head back from the bucket, and removes a refused file from it', async () => {
      const { center } = await staffTokens(t);
      const filed = await request(t.http).post('/api/v1/complaints').send(complaintBody()).expect(201);
      const [{ id }] = await t.db.query('SELECT id FROM cases WHERE tracking_code = $1', [filed.body.trackingCode]);
      const objects = async () => (await sample.filesUnder(join(dir, BUCKET))).filter((f) => f.endsWith('._S3rver_object')).length;
      const before = await objects();
      const word = await request(t.http)
        .post(`/api/v1/cases/${id}/attachments`)
        .set('Authorization', center)
        .attach('files', longDirectoryChain(600, { loops: false }), 'คำร้อง.doc')
        .expect(201);
      expect(word.body.items[0]).toMatchObject({ mediaType: 'application/msword', fileName: 'คำร้อง.doc' });
      expect(await objects()).toBe(before + 1);
      await request(t.http)
        .post(`/api/v1/cases/${id}/attachments`)
        .set('Authorization', center)
        .attach('files', difatLoop(), 'crafted.doc')
        .expect(400);
      expect(await objects()).toBe(before + 1);
    });
  });
});
