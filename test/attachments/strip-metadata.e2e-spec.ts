import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import type { ReceivedUpload } from '../../src/modules/attachments/attachment-rules';
import { AttachmentsService, CheckOptions } from '../../src/modules/attachments/attachments.service';
import { startAttachmentsApp } from './attachments-app';
import { exifIfd0Tags } from './image-structure';
import * as sample from './sample-files';
import * as photo from './sample-photos';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The option the whistleblower channel will pass for every file: images
 * reach storage without their metadata, or not at all.
 */
describe('AttachmentsService.check with stripMetadata, against real storage', () => {
  let app: Awaited<ReturnType<typeof startAttachmentsApp>>;
  let service: AttachmentsService;

  beforeAll(async () => {
    app = await startAttachmentsApp();
    service = app.t.app.get(AttachmentsService);
  });
  afterAll(() => app.close());
  beforeEach(() => app.reset());

  /** Files staged as a request's would be, then checked. */
  async function check(files: Array<[Buffer, string]>, options: CheckOptions) {
    const upload: ReceivedUpload = await service.receive(async (staging) => ({
      fields: {},
      truncatedFields: [],
      tooManyFiles: false,
      unexpectedFields: [],
      files: await Promise.all(
        files.map(async ([bytes, fileName]) => ({
          fileName,
          declaredType: 'application/octet-stream',
          stored: await staging.stage(Readable.from([bytes])),
          tooLarge: false,
        })),
      ),
    }));
    return service.check(upload, options);
  }

  const storedFiles = () => sample.filesUnder(app.dir);

  it('stores a GPS-tagged photo without its metadata, recording the size and checksum of what is stored', async () => {
    const original = await photo.jpegWithGps();
    const result = await check([[original, 'หลักฐาน.jpg']], { stripMetadata: true });
    expect(result.problems).toEqual([]);
    const [file] = result.files ?? [];
    expect(file).toMatchObject({ fileName: 'หลักฐาน.jpg', mediaType: 'image/jpeg' });

    // Only the clean copy is left in storage; the original is gone.
    expect(await storedFiles()).toEqual([join(app.dir, file.storageKey)]);
    const stored = await readFile(join(app.dir, file.storageKey));
    expect(file.sizeBytes).toBe(stored.length);
    expect(file.sha256).toBe(sha256(stored));
    expect(file.sha256).not.toBe(sha256(original));
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 20, height: 40 });
    expect(meta.exif).toBeUndefined();
    expect(stored.toString('latin1')).not.toContain(photo.COMMENT);
    await service.discard([file]);
    expect(await storedFiles()).toEqual([]);
  });

  it('keeps the metadata when not asked to strip it (the general channel, as before)', async () => {
    const original = await photo.jpegWithGps();
    const result = await check([[original, 'photo.jpg']], {});
    const stored = await readFile(join(app.dir, result.files?.[0].storageKey ?? ''));
    expect(sha256(stored)).toBe(sha256(original));
    expect(exifIfd0Tags((await sharp(stored).metadata()).exif as Buffer)).toContain('8825');
  });

  it('refuses HEIC photos with a clear field error, leaving nothing in storage', async () => {
    const result = await check(
      [
        [await photo.pngWithGps(), 'fine.png'],
        [sample.heif('heic'), 'IMG_0001.HEIC'],
      ],
      { stripMetadata: true },
    );
    expect(result).toEqual({ files: null, problems: [{ field: 'files', code: 'fileMetadata', fileName: 'IMG_0001.HEIC' }] });
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses an image that cannot be decoded, since nothing could be removed from it', async () => {
    const result = await check([[sample.jpeg(), 'header-only.jpg']], { stripMetadata: true });
    expect(result.problems).toEqual([{ field: 'files', code: 'fileMetadata', fileName: 'header-only.jpg' }]);
    expect(await storedFiles()).toEqual([]);
  });

  it('keeps documents as they were sent', async () => {
    const letter = sample.pdf('หนังสือร้องเรียน');
    const result = await check([[letter, 'letter.pdf']], { stripMetadata: true });
    expect(result.files?.[0]).toMatchObject({ mediaType: 'application/pdf', sha256: sha256(letter), sizeBytes: letter.length });
  });
});
