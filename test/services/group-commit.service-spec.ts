import { DataSource } from 'typeorm';
import { GroupCommit } from '../../src/database/group-commit';
import type { Tx } from '../../src/database/transactions';
import { startTestContext, TestContext } from '../support/test-context';

/**
 * The group-commit layer on its own, against the real Postgres, with a
 * scratch table whose unique key is checked at COMMIT (so a test can make
 * the COMMIT itself fail).
 */
describe('GroupCommit', () => {
  let t: TestContext;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestContext();
    db = t.db;
    await db.query(`CREATE TABLE group_commit_probe (k int NOT NULL CHECK (k >= 0), xid bigint NOT NULL,
                    CONSTRAINT group_commit_probe_k UNIQUE (k) DEFERRABLE INITIALLY DEFERRED)`);
  });
  afterAll(async () => {
    await db.query(`DROP TABLE group_commit_probe`);
    await t.close();
  });
  beforeEach(() => db.query(`TRUNCATE group_commit_probe`));

  const insert = (k: number) => async (tx: Tx) => {
    const [{ xid }] = await tx.manager.query(`INSERT INTO group_commit_probe (k, xid) VALUES ($1, txid_current()) RETURNING xid`, [k]);
    return { k, xid: String(xid) };
  };
  const keys = async () => (await db.query(`SELECT k FROM group_commit_probe ORDER BY k`)).map((r: { k: number }) => r.k);

  it('starts a lone unit at once, then commits those that queued meanwhile together, up to the bound', async () => {
    const gc = new GroupCommit(db, { maxGroup: 4, inFlight: 1 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, k) => gc.run(insert(k))));
    const groups = results.reduce<string[][]>((acc, r, i) => {
      if (i === 0 || r.xid !== results[i - 1].xid) acc.push([]);
      acc[acc.length - 1].push(String(r.k));
      return acc;
    }, []);
    expect(groups.map((g) => g.length)).toEqual([1, 4, 4, 1]);
    expect(await keys()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('answers a unit only once its group has committed: a 201 means the row exists', async () => {
    const gc = new GroupCommit(db, { maxGroup: 8, inFlight: 2 });
    const seenAtAnswer = await Promise.all(
      Array.from({ length: 40 }, (_, k) =>
        gc.run(insert(k)).then(async () => (await db.query(`SELECT 1 FROM group_commit_probe WHERE k = $1`, [k])).length),
      ),
    );
    expect(seenAtAnswer).toEqual(Array(40).fill(1));
  });

  it('rejects a failing unit with its own error and commits the rest of its group', async () => {
    const gc = new GroupCommit(db, { maxGroup: 16, inFlight: 1 });
    const outcomes = await Promise.allSettled(
      [0, 1, 2, -3, 4, 5, -6, 7].map((k) => gc.run(insert(k))),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const reasons = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => (o.reason as Error).message);
    expect(reasons).toEqual([expect.stringContaining('group_commit_probe_k_check'), expect.stringContaining('group_commit_probe_k_check')]);
    expect(await keys()).toEqual([0, 1, 2, 4, 5, 7]);
    // Those that went with the first unit alone, or together after it, still share their transactions.
    const xids = new Set((await db.query(`SELECT DISTINCT xid FROM group_commit_probe`)).map((r: { xid: string }) => r.xid));
    expect(xids.size).toBe(2);
  });

  it('fails every unit of a group whose COMMIT fails, and writes none of them', async () => {
    const gc = new GroupCommit(db, { maxGroup: 16, inFlight: 1 });
    const blocker = gc.run(insert(100));
    // These three queue behind the first and go together; two of them clash only when the key is checked at COMMIT.
    const group = [1, 100, 2].map((k) => gc.run(insert(k)));
    await blocker;
    const outcomes = await Promise.allSettled(group);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason.message).toContain('group_commit_probe_k');
    expect(await keys()).toEqual([100]);
  });

  it('runs after-commit work once the group committed, unit by unit in order, and never for a unit that failed', async () => {
    const gc = new GroupCommit(db, { maxGroup: 16, inFlight: 1 });
    const log: string[] = [];
    const unit = (k: number) => async (tx: Tx) => {
      await insert(k)(tx);
      tx.afterCommit(async () => {
        const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM group_commit_probe`);
        log.push(`hook ${k} sees ${n}`);
      });
      return k;
    };
    const first = gc.run(unit(0));
    const rest = [1, -2, 3].map((k) => gc.run(unit(k)).then((v) => log.push(`answer ${v}`)));
    await first;
    await Promise.allSettled(rest);
    // Group [1, -2, 3] committed as [1, 3]: both rows visible to every hook, each hook before its own answer.
    expect(log).toEqual(['hook 0 sees 1', 'hook 1 sees 3', 'answer 1', 'hook 3 sees 3', 'answer 3']);
  });
});
