import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { AttachmentStorage, assertStorageKey } from './attachment-storage';

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
      // compatible servers; Content-MD5 below guards the bytes instead.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, data: Buffer): Promise<void> {
    assertStorageKey(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: key,
        Body: data,
        ContentLength: data.length,
        ContentMD5: createHash('md5').update(data).digest('base64'),
        ContentType: 'application/octet-stream',
      }),
    );
  }

  async openForRead(key: string): Promise<Readable> {
    assertStorageKey(key);
    const res = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
    if (!(res.Body instanceof Readable)) throw new Error('S3 returned no readable body');
    return res.Body;
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
