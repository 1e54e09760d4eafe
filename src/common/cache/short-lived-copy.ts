/** How long a process trusts what it read: another process's change shows within this time. */
const SHORT_LIVED_MS = 5_000;

/**
 * Reference data that nearly every request reads and an administrator
 * seldom changes (settings, holidays, categories, the logo), kept in memory
 * for a few seconds instead of read again by each request.
 *
 * - Readers of an expired copy share one read, so a busy moment does not
 *   send one query per request when the copy expires.
 * - `forget` (after this process changed the data) makes the change show
 *   at once, even when a read that began before the change is still on its
 *   way: that read answers the readers that were waiting for it, and is not
 *   kept.
 * - Another process's change shows within `maxAgeMs`.
 *
 * Expiry is measured on the system's time, not the injectable `Clock`: it
 * is a cache's housekeeping, not a rule, and a test that moves its clock
 * must not make the copy older or younger.
 */
export class ShortLivedCopy<T> {
  private kept?: { at: number; value: T };
  private reading?: Promise<T>;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly maxAgeMs = SHORT_LIVED_MS,
  ) {}

  get(): Promise<T> {
    const now = Date.now();
    if (this.kept && now - this.kept.at < this.maxAgeMs) return Promise.resolve(this.kept.value);
    return (this.reading ??= this.readAndKeep(now));
  }

  /** What this process last read, however old, for a page that must render without the database. */
  lastKnown(): T | undefined {
    return this.kept?.value;
  }

  forget(): void {
    this.kept = undefined;
    this.reading = undefined;
  }

  private readAndKeep(startedAt: number): Promise<T> {
    const reading: Promise<T> = this.read().then(
      (value) => {
        // Kept only if nothing was forgotten meanwhile: else it may be from before this process's change.
        if (this.reading === reading) {
          this.kept = { at: startedAt, value };
          this.reading = undefined;
        }
        return value;
      },
      (err: unknown) => {
        if (this.reading === reading) this.reading = undefined;
        throw err;
      },
    );
    return reading;
  }
}
