import sharp from 'sharp';
import { withGifMetadata, withJpegComment, withPngText } from './image-structure';

/**
 * Photos as a phone would send them: where they were taken (GPS), the
 * camera and its owner (EXIF), XMP and a comment, and an orientation tag
 * that turns the stored 40 × 20 pixels into a 20 × 40 portrait.
 */
export const GPS_EXIF = {
  IFD0: { Make: 'Rongrian Phone', Artist: 'Somchai Jaidee' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '13/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '100/1 30/1 0/1' },
};
export const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="13,45.0N" exif:GPSLongitude="100,30.0E"/>' +
  '</rdf:RDF></x:xmpmeta>';
export const COMMENT = 'taken behind the district office by Somchai';

const landscape = () => sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 40, b: 40 } } });

export async function jpegWithGps(): Promise<Buffer> {
  const jpeg = await landscape().jpeg().withExif(GPS_EXIF).withXmp(XMP).withMetadata({ orientation: 6 }).toBuffer();
  return withJpegComment(jpeg, COMMENT);
}

export async function pngWithGps(): Promise<Buffer> {
  const png = await landscape().png().withExif(GPS_EXIF).withXmp(XMP).withMetadata({ orientation: 6 }).toBuffer();
  return withPngText(png, 'Comment', COMMENT);
}

export async function webpWithGps(): Promise<Buffer> {
  return landscape().webp().withExif(GPS_EXIF).withXmp(XMP).withMetadata({ orientation: 6 }).toBuffer();
}

/** Three frames, with a comment and XMP (GIF has no EXIF; these are where its metadata lives). */
export async function animatedGifWithMetadata(): Promise<Buffer> {
  const frames = await Promise.all(
    ['#f00', '#0f0', '#00f'].map((c) => sharp({ create: { width: 12, height: 8, channels: 4, background: c } }).png().toBuffer()),
  );
  const gif = await sharp(frames, { join: { animated: true } }).gif({ loop: 0, delay: [100, 200, 300] }).toBuffer();
  return withGifMetadata(gif, COMMENT, XMP);
}
