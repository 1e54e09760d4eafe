import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import sharp, { type Metadata } from 'sharp';
import {
  exifIfd0Tags,
  gifBlocks,
  jpegSegments,
  pngChunks,
  webpChunks,
} from '../../../test/attachments/image-structure';
import * as photo from '../../../test/attachments/sample-photos';
import * as sample from '../../../test/attachments/sample-files';
import { isStrippable, stripImageMetadata, UnreadableImage, withoutMetadata } from './image-metadata';

const GPS_POINTER = '8825';
const text = (b: Buffer) => b.toString('latin1');

/** Format and size when the decoded image reports no EXIF, XMP, IPTC, ICC or orientation; throws otherwise. */
function noMetadata(m: Metadata): Pick<Metadata, 'format' | 'width' | 'height'> {
  const carried = (['exif', 'xmp', 'iptc', 'icc', 'orientation', 'comments'] as const).filter((k) => m[k] !== undefined);
  if (carried.length) throw new Error(`still carries ${carried.join(', ')}`);
  return { format: m.format, width: m.width, height: m.height };
}

describe('stripImageMetadata', () => {
  it('removes EXIF (with GPS), XMP and the comment from a JPEG, turned upright first', async () => {
    const input = await photo.jpegWithGps();
    const before = await sharp(input).metadata();
    expect(exifIfd0Tags(before.exif as Buffer)).toContain(GPS_POINTER);
    expect(jpegSegments(input)).toEqual(expect.arrayContaining(['APP1', 'COM']));
    expect(text(input)).toContain(photo.COMMENT);

    const output = await stripImageMetadata(input, 'image/jpeg');
    const after = await sharp(output).metadata();
    expect(after).toMatchObject({ format: 'jpeg', width: 20, height: 40 });
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    // At most the JFIF header is left beside the image's own tables.
    expect(jpegSegments(output).filter((s) => (s.startsWith('APP') && s !== 'APP0') || s === 'COM')).toEqual([]);
    expect(text(output)).not.toContain(photo.COMMENT);
    expect(text(output)).not.toContain('xmpmeta');
  });

  it('removes eXIf, XMP and text chunks from a PNG', async () => {
    const input = await photo.pngWithGps();
    expect(exifIfd0Tags((await sharp(input).metadata()).exif as Buffer)).toContain(GPS_POINTER);
    expect(pngChunks(input)).toEqual(expect.arrayContaining(['tEXt', 'eXIf', 'zTXt']));

    const output = await stripImageMetadata(input, 'image/png');
    expect(noMetadata(await sharp(output).metadata())).toEqual({ format: 'png', width: 20, height: 40 });
    expect(pngChunks(output).filter((c) => !['IHDR', 'pHYs', 'PLTE', 'tRNS', 'IDAT', 'IEND'].includes(c))).toEqual([]);
    expect(text(output)).not.toContain(photo.COMMENT);
  });

  it('removes the EXIF and XMP chunks from a WebP', async () => {
    const input = await photo.webpWithGps();
    expect(webpChunks(input)).toEqual(expect.arrayContaining(['EXIF', 'XMP ']));
    expect(exifIfd0Tags((await sharp(input).metadata()).exif as Buffer)).toContain(GPS_POINTER);

    const output = await stripImageMetadata(input, 'image/webp');
    expect(noMetadata(await sharp(output).metadata())).toEqual({ format: 'webp', width: 20, height: 40 });
    expect(webpChunks(output)).not.toEqual(expect.arrayContaining(['EXIF']));
    expect(webpChunks(output)).not.toEqual(expect.arrayContaining(['XMP ']));
  });

  it('removes comments and XMP from a GIF, keeping every frame and its timing', async () => {
    const input = await photo.animatedGifWithMetadata();
    expect(gifBlocks(input)).toEqual(expect.arrayContaining(['comment', 'application:XMP DataXMP']));

    const output = await stripImageMetadata(input, 'image/gif');
    expect(gifBlocks(output).filter((b) => b === 'comment' || b.startsWith('application:XMP'))).toEqual([]);
    expect(text(output)).not.toContain(photo.COMMENT);
    expect(await sharp(output, { animated: true }).metadata()).toMatchObject({
      format: 'gif',
      pages: 3,
      delay: [100, 200, 300],
      width: 12,
    });
  });

  it('refuses what it cannot decode, as UnreadableImage', async () => {
    // A JPEG header with no image in it passes the type check but cannot be encoded again.
    await expect(stripImageMetadata(sample.jpeg(), 'image/jpeg')).rejects.toBeInstanceOf(UnreadableImage);
    await expect(stripImageMetadata(sample.html(), 'image/png')).rejects.toBeInstanceOf(UnreadableImage);
  });

  it('strips only the four formats it can encode again', () => {
    expect(['image/jpeg', 'image/png', 'image/webp', 'image/gif'].every(isStrippable)).toBe(true);
    expect(['image/heic', 'image/heif', 'application/pdf'].some(isStrippable)).toBe(false);
  });
});

describe('withoutMetadata', () => {
  it('does the same as a stream', async () => {
    const output = await buffer(withoutMetadata(Readable.from([await photo.jpegWithGps()]), 'image/jpeg'));
    expect(noMetadata(await sharp(output).metadata())).toEqual({ format: 'jpeg', width: 20, height: 40 });
  });

  it('tells an unreadable image from a source that failed', async () => {
    const garbage = withoutMetadata(Readable.from([sample.html()]), 'image/png');
    await expect(buffer(garbage)).rejects.toBeInstanceOf(UnreadableImage);
    const failing = new Readable({ read() {} });
    setImmediate(() => failing.destroy(new Error('storage went away')));
    const err = await buffer(withoutMetadata(failing, 'image/png')).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(UnreadableImage);
    expect((err as Error).message).toBe('storage went away');
  });
});
