import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import * as crafted from '../../../../test/attachments/crafted-compound-files';
import * as sample from '../../../../test/attachments/sample-files';
import { SNIFF_BYTES } from '../content-type';
import { ContentInspector } from './content-inspector';

/** What the server hands the inspector: the head it kept, the rest read back on demand. */
function inspectBytes(inspector: ContentInspector, bytes: Buffer, reads: number[] = []) {
  return inspector.inspect(bytes.subarray(0, SNIFF_BYTES), bytes.length, async (offset, length) => {
    reads.push(offset);
    return bytes.subarray(offset, offset + length);
  });
}

describe('ContentInspector, in worker threads', () => {
  let inspector: ContentInspector;

  beforeAll(() => {
    inspector = new ContentInspector({ maxThreads: 1 });
  });
  afterAll(() => inspector.onApplicationShutdown());

  it('judges the types by content, as on the event loop before', async () => {
    expect((await inspectBytes(inspector, sample.png()))?.mediaType).toBe('image/png');
    expect((await inspectBytes(inspector, sample.docx()))?.extensions).toEqual(['docx']);
    expect((await inspectBytes(inspector, sample.doc()))?.mediaType).toBe('application/msword');
    expect(await inspectBytes(inspector, sample.html())).toBeNull();
    expect(await inspectBytes(inspector, sample.crashingAsf())).toBeNull();
  });

  it('reads a compound file’s tables past the head back from storage', async () => {
    const reads: number[] = [];
    const file = crafted.longDirectoryChain(600, { loops: false });
    expect((await inspectBytes(inspector, file, reads))?.mediaType).toBe('application/msword');
    expect(reads.length).toBeGreaterThan(0);
    expect(Math.min(...reads)).toBeGreaterThanOrEqual(SNIFF_BYTES - 512);
  });

  it.each([
    ['the DIFAT loop of the issue', crafted.difatLoop()],
    ['a self-pointing FAT', crafted.selfPointingFat()],
    ['a directory loop', crafted.directoryLoop()],
    ['huge sector counts', crafted.hugeSectorCounts()],
    ['a 10 MB file whose directory runs through every sector and loops', crafted.longDirectoryChain(20_479)],
  ])('refuses %s by reading it, not by running out of time', async (_name, file) => {
    // The inspector says so when it stops a worker; the old reader spent ten seconds on the first of these.
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    try {
      expect(await inspectBytes(inspector, file)).toBeNull();
      expect(warnings).not.toHaveBeenCalled();
    } finally {
      warnings.mockRestore();
    }
  });
});

describe('ContentInspector, when a worker misbehaves', () => {
  const script = { filename: join(__dirname, '../../../../test/attachments/fixtures/misbehaving-inspection.worker.js'), execArgv: [] };
  let inspector: ContentInspector;
  /** Only its heap limit stops this one's workers, however slow the machine. */
  let patient: ContentInspector;
  const head = (first: number) => Buffer.from([first, 0x50, 0x4e, 0x47]);
  const unreadable = async (): Promise<Buffer> => {
    throw new Error('bucket unreachable');
  };

  let warnings: jest.SpyInstance;

  beforeAll(() => {
    inspector = new ContentInspector({ script, timeLimitMs: 500, maxHeapMb: 16, maxThreads: 1 });
    patient = new ContentInspector({ script, timeLimitMs: 60_000, maxHeapMb: 16, maxThreads: 1 });
  });
  afterAll(() => Promise.all([inspector.onApplicationShutdown(), patient.onApplicationShutdown()]));
  beforeEach(() => {
    warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warnings.mockRestore());

  it('counts a file as not accepted when its worker runs past the time limit, and carries on', async () => {
    expect(await inspector.inspect(head(1), 4, unreadable)).toBeNull();
    expect(warnings).toHaveBeenCalledWith(expect.stringContaining('no verdict within 500 ms'));
    expect((await inspector.inspect(head(0), 4, unreadable))?.mediaType).toBe('image/png');
  });

  it('counts a file as not accepted when its worker runs out of memory, and carries on', async () => {
    expect(await patient.inspect(head(2), 4, unreadable)).toBeNull();
    expect(warnings).toHaveBeenCalledWith(expect.stringContaining('memory limit'));
    expect((await patient.inspect(head(0), 4, unreadable))?.mediaType).toBe('image/png');
  });

  it('answers no read outside the file', async () => {
    expect(await inspector.inspect(head(3), 4, unreadable)).toBeNull();
    expect(warnings).toHaveBeenCalledWith(expect.stringContaining('read outside the file'));
  });

  it('lets a storage failure through as the server’s error, not a verdict on the file', async () => {
    await expect(inspector.inspect(head(4), 64, unreadable)).rejects.toThrow('bucket unreachable');
  });
});
