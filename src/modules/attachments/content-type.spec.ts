import { longDirectoryChain } from '../../../test/attachments/crafted-compound-files';
import * as sample from '../../../test/attachments/sample-files';
import { bufferSource } from './byte-source';
import { ACCEPT_ATTRIBUTE, detectMediaType, SNIFF_BYTES } from './content-type';

/** As the worker sees a file: its head in memory, the rest on demand. */
const detect = (bytes: Buffer) => detectMediaType(bytes.subarray(0, SNIFF_BYTES), bufferSource(bytes));

describe('detectMediaType', () => {
  it.each([
    ['jpeg', sample.jpeg(), 'image/jpeg'],
    ['png', sample.png(), 'image/png'],
    ['gif', sample.gif(), 'image/gif'],
    ['webp', sample.webp(), 'image/webp'],
    ['heic', sample.heif('heic'), 'image/heic'],
    ['heif', sample.heif('mif1'), 'image/heif'],
    ['pdf', sample.pdf(), 'application/pdf'],
    ['docx', sample.docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', sample.xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['pptx', sample.pptx(), 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['odt', sample.odt(), 'application/vnd.oasis.opendocument.text'],
    ['ods', sample.ods(), 'application/vnd.oasis.opendocument.spreadsheet'],
    ['doc', sample.doc(), 'application/msword'],
    ['xls', sample.xls(), 'application/vnd.ms-excel'],
  ])('accepts %s by its bytes', async (_name, bytes, mediaType) => {
    expect(await detect(bytes)).toBe(mediaType);
  });

  it.each([
    ['HTML', sample.html()],
    ['SVG', sample.svg()],
    ['a Windows program', sample.exe()],
    ['a plain ZIP', sample.plainZip()],
    ['a compound file that is neither Word nor Excel (an installer)', sample.compoundFile('MsiDatabase')],
    ['plain text', Buffer.from('just some words')],
    ['a truncated compound file', sample.doc().subarray(0, 600)],
    ['a crafted ASF header that sends file-type 16 into an endless loop', sample.crashingAsf()],
    ['a PNG cut off inside its first chunk header', sample.png().subarray(0, 12)],
  ])('refuses %s', async (_name, bytes) => {
    expect(await detect(bytes)).toBeNull();
  });

  it('reads only the head of a PNG followed by megabytes of empty chunks', async () => {
    // Without the sniffing bound file-type walks every chunk; the bound is what keeps this quick.
    expect(await detect(sample.paddedPng(10 * 1024 * 1024))).toBe('image/png');
  });

  it('finds an Office document whose kind is named after a large thumbnail', async () => {
    const thumbnail = 'x'.repeat(150 * 1024);
    const withThumbnail = sample.zip([
      ['[Content_Types].xml', '<Types/>'],
      ['docProps/thumbnail.jpeg', thumbnail],
      ['word/document.xml', '<w:document/>'],
    ]);
    expect(await detect(withThumbnail)).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('reads a compound file’s tables past the head from the file itself', async () => {
    const file = longDirectoryChain(600, { loops: false });
    const whole = bufferSource(file);
    const pastHead: number[] = [];
    const source = {
      size: file.length,
      read: (offset: number, length: number) => {
        if (offset + length > SNIFF_BYTES) pastHead.push(offset);
        return whole.read(offset, length);
      },
    };
    expect(await detectMediaType(file.subarray(0, SNIFF_BYTES), source)).toBe('application/msword');
    expect(pastHead.length).toBeGreaterThan(0);
  });

  it('offers the file picker both extensions and media types', () => {
    expect(ACCEPT_ATTRIBUTE.split(',')).toEqual(expect.arrayContaining(['.jpg', '.heic', '.docx', '.xls', 'application/pdf']));
  });
});
