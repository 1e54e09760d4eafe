import type { AppConfig } from '../../../config/app-config';
import type { AttachmentStorage } from './attachment-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';

/** The one place the driver is chosen (ATTACHMENTS_DRIVER). */
export function createAttachmentStorage(config: AppConfig['attachments'], s3SecretAccessKey?: string): AttachmentStorage {
  return config.driver === 's3' ? new S3Storage({ ...config, secretAccessKey: s3SecretAccessKey }) : new LocalDiskStorage(config.dir);
}
