import { ShortLivedCopy } from './short-lived-copy';

/** A read the test answers by hand, counting how often it was asked. */
function controlledRead() {
  const pending: Array<(v: number) => void> = [];
  const failing: Array<(e: Error) => void> = [];
  return {
    calls: () => pending.length,
    read: () =>
      new Promise<number>((resolve, reject) => {
        pending.push(resolve);
        failing.push(reject);
      }),
    answer: (i: number, v: number) => pending[i](v),
    fail: (i: number, e: Error) => failing[i](e),
  };
}

describe('ShortLivedCopy', () => {
  afterEach(() => jest.useRealTimers());

  it('reads once for readers that come together, and serves the copy until it is too old', async () => {
    jest.useFakeTimers({ now: 0 });
    const r = controlledRead();
    const copy = new ShortLivedCopy(r.read, 1_000);
    const first = [copy.get(), copy.get(), copy.get()];
    expect(r.calls()).toBe(1);
    r.answer(0, 7);
    expect(await Promise.all(first)).toEqual([7, 7, 7]);
    jest.setSystemTime(999);
    expect(await copy.get()).toBe(7);
    expect(r.calls()).toBe(1);
    jest.setSystemTime(1_000);
    const again = copy.get();
    expect(r.calls()).toBe(2);
    r.answer(1, 8);
    expect(await again).toBe(8);
  });

  it('reads again after forget, and does not keep a read that began before it', async () => {
    const r = controlledRead();
    const copy = new ShortLivedCopy(r.read);
    const before = copy.get();
    copy.forget();
    const after = copy.get();
    expect(r.calls()).toBe(2);
    r.answer(1, 2);
    r.answer(0, 1);
    // The reader that came before the change gets what its read found; the copy keeps the later read.
    expect(await before).toBe(1);
    expect(await after).toBe(2);
    expect(await copy.get()).toBe(2);
    expect(r.calls()).toBe(2);
  });

  it('keeps no failure: the next reader reads again, and the last value read is still known', async () => {
    const r = controlledRead();
    const copy = new ShortLivedCopy(r.read, 0);
    const ok = copy.get();
    r.answer(0, 5);
    await ok;
    const failed = copy.get();
    r.fail(1, new Error('database away'));
    await expect(failed).rejects.toThrow('database away');
    expect(copy.lastKnown()).toBe(5);
    const next = copy.get();
    expect(r.calls()).toBe(3);
    r.answer(2, 6);
    expect(await next).toBe(6);
  });

  it('forgets the last known value too', async () => {
    const copy = new ShortLivedCopy(() => Promise.resolve('x'));
    await copy.get();
    expect(copy.lastKnown()).toBe('x');
    copy.forget();
    expect(copy.lastKnown()).toBeUndefined();
  });
});
