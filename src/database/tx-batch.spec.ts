import type { EntityManager } from 'typeorm';
import type { Tx } from './transactions';
import { TxBatch } from './tx-batch';
import { unnestInsert } from './unnest-insert';

const txOn = (manager: object): Tx => ({ manager: manager as EntityManager, afterCommit: () => undefined });

describe('TxBatch', () => {
  it('runs what the units of one transaction ask in the same turn once, and answers each in order', async () => {
    const runs: number[][] = [];
    const batch = new TxBatch<number, string>(async (_tx, items) => {
      runs.push(items);
      return items.map((n) => `#${n}`);
    });
    const manager = {};
    // Units of a group commit each have their own Tx on the one connection.
    const answers = await Promise.all([1, 2, 3].map((n) => batch.add(txOn(manager), n)));
    expect(answers).toEqual(['#1', '#2', '#3']);
    expect(runs).toEqual([[1, 2, 3]]);
  });

  it('keeps transactions apart, and a later turn makes a batch of its own', async () => {
    const runs: Array<{ manager: object; items: number[] }> = [];
    const batch = new TxBatch<number, number>(async (tx, items) => {
      runs.push({ manager: tx.manager, items });
      return items;
    });
    const a = {};
    const b = {};
    await Promise.all([batch.add(txOn(a), 1), batch.add(txOn(b), 2), batch.add(txOn(a), 3)]);
    await batch.add(txOn(a), 4);
    expect(runs).toEqual([
      { manager: a, items: [1, 3] },
      { manager: b, items: [2] },
      { manager: a, items: [4] },
    ]);
  });

  it('gives every unit of a failed batch the same error, so that a group commit can tell it from their own', async () => {
    const failure = new Error('batch refused');
    const batch = new TxBatch<number, number>(async () => {
      throw failure;
    });
    const manager = {};
    const outcomes = await Promise.allSettled([batch.add(txOn(manager), 1), batch.add(txOn(manager), 2)]);
    expect(outcomes.map((o) => (o as PromiseRejectedResult).reason)).toEqual([failure, failure]);
    expect((outcomes[0] as PromiseRejectedResult).reason).toBe((outcomes[1] as PromiseRejectedResult).reason);
  });
});

describe('unnestInsert', () => {
  it('makes one statement whose text does not depend on the number of rows, one array per column, in row order', () => {
    const columns = [
      ['id', 'uuid', (r: { id: string; note: string | null }) => r.id],
      ['note', 'text', (r: { id: string; note: string | null }) => r.note],
    ] as const;
    const one = unnestInsert('t', columns, [{ id: 'a', note: null }]);
    const two = unnestInsert('t', columns, [
      { id: 'a', note: null },
      { id: 'b', note: 'ข้อความ' },
    ]);
    expect(two.sql).toBe(one.sql);
    expect(two.sql).toBe(
      'INSERT INTO t (id, note) SELECT id, note FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS r(id, note, ord) ORDER BY ord',
    );
    expect(two.params).toEqual([
      ['a', 'b'],
      [null, 'ข้อความ'],
    ]);
  });
});
