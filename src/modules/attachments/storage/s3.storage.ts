import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { AttachmentStorage, assertStorageKey, holdErrors } from './attachment-storage';

export interface S3StorageOptions {
  /** Unset for AWS itself; the address of MinIO, Ceph, Garage, a cloud's S3-compatible service otherwise. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Unset: the SDK's own chain (instance role, AWS_* variables, shared profile). */
  accessKeyId?: string;
  secretAccessKey?: string;
}

/** An S3 bucket, AWS or compatible. Objects are private; the app streams them to those allowed. */
export class S3Storage implements AttachmentStorage {
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      // Most S3-compatible servers have no wildcard DNS for bucket sub-domains.
      forcePathStyle: Boolean(options.endpoint),
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
      // The SDK's default CRC trailers (aws-chunked) are not understood by many
      // compatible servers; the SHA-256 recorded with each attachment is the check.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /**
   * One part at a time (S3's smallest, 5 MB) is all that is held: a file up
   * to that size goes up in one request, a larger one as a multipart upload,
   * which is aborted, leaving nothing, if the body or a part fails.
   */
  async put(key: string, body: Readable): Promise<void> {
    assertStorageKey(key);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: key, Body: body, ContentType: 'application/octet-stream' },
      queueSize: 1,
      partSize: 5 * 1024 * 1024,
      leavePartsOnError: false,
    });
    const released = holdErrors(body);
    try {
      await upload.done();
    } finally {
      released();
    }
  }

  async openForRead(key: string): Promise<Readable> {
    assertStorageKey(key);
    const res = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
    if (!(res.Body instanceof Readable)) throw new Error('S3 returned no readable body');
    return res.Body;
  }

  async readRange(key: string, offset: number, length: number): Promise<Buffer> {
    assertStorageKey(key);
    const res = await this.client.send(
      new GetObjectCommand({ Bucket: this.options.bucket, Key: key, Range: `bytes=${offset}-${offset + length - 1}` }),
    );
    const bytes = Buffer.from((await res.Body?.transformToByteArray()) ?? []);
    if (bytes.length !== length) throw new RangeError(`${key} has no ${length} bytes at ${offset}`);
    return bytes;
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }

  /** Closes the SDK's connection pool when the application stops. */
  destroy(): void {
    this.client.destroy();
  }
}
