import { ACCEPTED_TYPES } from './content-type';
import { contentDisposition, downloadFileName } from './file-name';

const type = (mediaType: string) => ACCEPTED_TYPES.find((t) => t.mediaType === mediaType)!;
const PNG = type('image/png');
const JPEG = type('image/jpeg');
const PDF = type('application/pdf');

describe('downloadFileName', () => {
  it('keeps a sane name, Thai included', () => {
    expect(downloadFileName('ถนนชำรุด หน้าตลาด.jpg', JPEG)).toBe('ถนนชำรุด หน้าตลาด.jpg');
    expect(downloadFileName('IMG_0001.JPEG', JPEG)).toBe('IMG_0001.jpeg');
  });

  it('makes the extension agree with the content', () => {
    expect(downloadFileName('scan.pdf', PNG)).toBe('scan.png');
    expect(downloadFileName('photo', PNG)).toBe('photo.png');
    expect(downloadFileName('report.pdf.exe', PDF)).toBe('report.pdf.pdf');
    expect(downloadFileName('ใบเสร็จ 12.2568', PDF)).toBe('ใบเสร็จ 12.2568.pdf');
  });

  it('drops folders, control characters, bidi overrides and leading dots', () => {
    expect(downloadFileName('../../etc/passwd', PDF)).toBe('passwd.pdf');
    expect(downloadFileName('C:\\Users\\me\\a.pdf', PDF)).toBe('a.pdf');
    expect(downloadFileName('in\u202Egnp.pdf', PDF)).toBe('ingnp.pdf');
    expect(downloadFileName('a\r\nb"<>.pdf', PDF)).toBe('ab___.pdf');
    expect(downloadFileName('...hidden', PDF)).toBe('hidden.pdf');
  });

  it('falls back to a neutral name and bounds the length', () => {
    expect(downloadFileName('', PDF)).toBe('attachment.pdf');
    expect(downloadFileName(undefined, PNG)).toBe('attachment.png');
    const long = downloadFileName(`${'ก'.repeat(400)}.pdf`, PDF);
    expect([...long].length).toBe(255);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('ถนน.jpg')).toBe(
      `attachment; filename="___.jpg"; filename*=UTF-8''%E0%B8%96%E0%B8%99%E0%B8%99.jpg`,
    );
  });

  it('leaves nothing that could end the parameter early', () => {
    const header = contentDisposition(`a";b'(x)%.pdf`);
    expect(header).toBe(`attachment; filename="a__b'(x)_.pdf"; filename*=UTF-8''a%22%3Bb%27%28x%29%25.pdf`);
  });
});
