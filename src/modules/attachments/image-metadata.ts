import { PassThrough, Readable } from 'node:stream';
import sharp, { type Sharp } from 'sharp';

/**
 * Photos carry more than pixels: EXIF (the place a photo was taken, the
 * camera's serial number, the owner's name), XMP, IPTC and comments. For a
 * whistleblower these can say who took the photo and where, so images are
 * decoded and encoded again with sharp (libvips), which writes no metadata
 * unless asked to. Re-encoding, rather than cutting known blocks out, also
 * drops what a block-by-block stripper does not know about (maker notes,
 * trailing data, thumbnails that carry the original photo).
 */
export const STRIPPABLE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type StrippableType = (typeof STRIPPABLE_TYPES)[number];

/**
 * HEIC/HEIF photos (iPhones) cannot be decoded by the prebuilt libvips
 * (HEVC is patent-encumbered), so their metadata cannot be removed
 * reliably; a caller that asks for stripping must refuse them.
 */
export const UNSTRIPPABLE_IMAGE_TYPES: readonly string[] = ['image/heic', 'image/heif'];

export function isStrippable(mediaType: string): mediaType is StrippableType {
  return (STRIPPABLE_TYPES as readonly string[]).includes(mediaType);
}

/** The image could not be decoded or encoded again; its metadata could not be removed. */
export class UnreadableImage extends Error {}

/** Phone cameras reach 50 MP in their largest mode; a larger image is more likely a decompression bomb. */
const MAX_INPUT_PIXELS = 100_000_000;
const TIMEOUT_SECONDS = 20;

// Decoded pixels of a whistleblower's photo must not linger in libvips' operation cache.
sharp.cache(false);

/** The pipeline: orientation applied first (its EXIF tag goes with the rest), then the same format again. */
function reencoder(mediaType: StrippableType, input?: Buffer): Sharp {
  // Every frame of an animated GIF or WebP is kept.
  const options = { animated: true, limitInputPixels: MAX_INPUT_PIXELS };
  const image = (input ? sharp(input, options) : sharp(options))
    .autoOrient()
    .timeout({ seconds: TIMEOUT_SECONDS });
  switch (mediaType) {
    case 'image/jpeg':
      return image.jpeg({ quality: 90 });
    case 'image/png':
      return image.png();
    case 'image/webp':
      return image.webp({ quality: 90 });
    case 'image/gif':
      return image.gif();
  }
}

/** The image without its metadata, as a stream; errors of the image itself come out as UnreadableImage. */
export function withoutMetadata(source: Readable, mediaType: StrippableType): Readable {
  const image = reencoder(mediaType);
  const out = new PassThrough();
  source.once('error', (err) => out.destroy(err));
  image.once('error', (err: Error) => {
    source.destroy();
    out.destroy(new UnreadableImage(err.message));
  });
  source.pipe(image).pipe(out);
  return out;
}

/** The same, for an image in memory. */
export async function stripImageMetadata(data: Buffer, mediaType: StrippableType): Promise<Buffer> {
  try {
    return await reencoder(mediaType, data).toBuffer();
  } catch (err) {
    throw new UnreadableImage((err as Error).message);
  }
}
