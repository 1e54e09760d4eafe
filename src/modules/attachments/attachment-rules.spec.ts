import { countAndSizeProblems, describeProblem, MAX_FILE_BYTES, ReceivedUpload } from './attachment-rules';

const file = (fileName: string, bytes = 3, tooLarge = false) => ({
  fileName,
  declaredType: 'application/octet-stream',
  stored: tooLarge ? null : { storageKey: `ab/${fileName}`, size: bytes, sha256: '', head: Buffer.alloc(Math.min(bytes, 8), 1) },
  tooLarge,
});
const upload = (over: Partial<ReceivedUpload>): ReceivedUpload => ({
  fields: {},
  truncatedFields: [],
  files: [],
  tooManyFiles: false,
  unexpectedFields: [],
  ...over,
});

describe('countAndSizeProblems', () => {
  it('passes up to five non-empty files within the size limit', () => {
    expect(countAndSizeProblems(upload({ files: [1, 2, 3, 4, 5].map((n) => file(`${n}.png`)) }), true)).toEqual([]);
  });

  it('names the files field for too many, empty and over-size files', () => {
    expect(countAndSizeProblems(upload({ files: [1, 2, 3, 4, 5, 6].map((n) => file(`${n}.png`)) }), true)).toEqual([
      { field: 'files', code: 'maxFiles' },
    ]);
    expect(countAndSizeProblems(upload({ tooManyFiles: true, files: [file('a.png')] }), true)).toEqual([
      { field: 'files', code: 'maxFiles' },
    ]);
    expect(countAndSizeProblems(upload({ files: [file('e.png', 0), file('big.png', 0, true)] }), true)).toEqual([
      { field: 'files', code: 'fileEmpty', fileName: 'e.png' },
      { field: 'files', code: 'fileTooLarge', fileName: 'big.png' },
    ]);
  });

  it('wants a file only where one is required', () => {
    expect(countAndSizeProblems(upload({}), true)).toEqual([{ field: 'files', code: 'fileRequired' }]);
    expect(countAndSizeProblems(upload({}), false)).toEqual([]);
  });

  it('reports stray fields', () => {
    expect(countAndSizeProblems(upload({ unexpectedFields: ['photo'], files: [file('a.png')] }), true)).toEqual([
      { field: 'photo', code: 'unknownField' },
    ]);
  });
});

describe('describeProblem', () => {
  it('says why a file whose metadata cannot be removed is refused, and what to send instead', () => {
    const { field, code, message } = describeProblem({ field: 'files', code: 'fileMetadata', fileName: 'IMG_0001.HEIC' });
    expect({ field, code }).toEqual({ field: 'files', code: 'fileMetadata' });
    expect(message).toContain('"IMG_0001.HEIC"');
    expect(message).toMatch(/cannot be removed.*JPEG, PNG, WebP or GIF/);
  });

  it('says the limit in the message', () => {
    expect(describeProblem({ field: 'files', code: 'fileTooLarge', fileName: 'big.png' }).message).toContain(
      `${MAX_FILE_BYTES} bytes`,
    );
  });
});
