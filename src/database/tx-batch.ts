import type { EntityManager } from 'typeorm';
import type { Tx } from './transactions';

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(err: unknown): void;
}

/**
 * Work that the units of one transaction ask for in the same turn of the
 * event loop, done once for all of them: the filings of a group commit
 * each register a case, and their rows go in one statement per table
 * instead of one each. A transaction's connection answers one statement
 * at a time, so a group of 60 filings made 300 round trips in turn before
 * its COMMIT; batched, it makes a handful.
 *
 * A batch runs with the first unit's `tx`: what it registers to run after
 * the commit runs after the group's one COMMIT like every unit's own hooks.
 * If the batch fails, every unit in it gets the same error; `GroupCommit`
 * then runs them again one by one, so that the one at fault alone fails.
 * `run` answers in the order of its items.
 */
export class TxBatch<I, O> {
  private readonly open = new WeakMap<EntityManager, Array<Waiting<I, O>>>();

  constructor(private readonly run: (tx: Tx, items: I[]) => Promise<O[]>) {}

  add(tx: Tx, item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      const waiting = this.open.get(tx.manager);
      if (waiting) {
        waiting.push({ item, resolve, reject });
        return;
      }
      const batch: Array<Waiting<I, O>> = [{ item, resolve, reject }];
      this.open.set(tx.manager, batch);
      // The other units of a group begin in the same turn: by the next one, they have all asked.
      setImmediate(() => {
        this.open.delete(tx.manager);
        this.run(
          tx,
          batch.map((w) => w.item),
        ).then(
          (out) => batch.forEach((w, i) => w.resolve(out[i])),
          (err: unknown) => batch.forEach((w) => w.reject(err)),
        );
      });
    });
  }
}
