import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { hasSqlState } from '../common/errors/infrastructure-errors';
import { AfterCommit, runAfterCommit, Tx } from './transactions';

export interface GroupCommitOptions {
  /** Most units of work in one transaction. */
  maxGroup: number;
  /** Groups in flight at once: the next one prepares while the previous one commits. */
  inFlight: number;
}

export const GROUP_COMMIT_OPTIONS = Symbol('GROUP_COMMIT_OPTIONS');
export const DEFAULT_GROUP_COMMIT: GroupCommitOptions = { maxGroup: 64, inFlight: 3 };

interface Unit {
  work: (tx: Tx) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

type Attempt = { committed: Array<{ result: unknown; hooks: AfterCommit[] }> } | { failed: Array<{ index: number; error: unknown }> };

/**
 * A connection answers one statement at a time: the statements of units
 * running side by side are sent in turn, each when the one before it has
 * been answered (pg's own queue for this is deprecated).
 */
function inTurn(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner);
  let previous: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    const next = previous.then(() => query(...args));
    previous = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
  return runner;
}

/** Postgres refuses every statement after one failed in the transaction: such an error is not its unit's fault. */
const isAfterAbort = (err: unknown) => hasSqlState(err, '25P02');

/**
 * Commits units of work that arrive together in one transaction, so that a
 * row they all lock (the register's counter) is taken once per group and a
 * commit's flush is shared. Each unit is answered only after its group's
 * COMMIT, with its own result or its own error, as if it had run alone with
 * `Transactions.run`.
 *
 * There is no timer: a unit that finds a free slot starts a group at once,
 * so a lone filing waits for nothing; under load, units queue while the
 * groups in flight commit and leave together in the next one.
 *
 * The register's counter is taken once per group, when the group's cases
 * are written (`ReferenceCounterRepository`); the next group does the work
 * before that meanwhile.
 *
 * A unit that fails rolls its group back; it gets its error and the others
 * run again without it (no savepoints: failures are rare, since input is
 * checked before, and a savepoint per unit would cost two round trips each
 * time). Every unit's writes are therefore all in or all out, and numbers
 * it took are given back with the rollback. Units whose statements were
 * batched (`TxBatch`) share a failure of their batch: they run again one by
 * one after the group, so that only the one at fault fails.
 */
@Injectable()
export class GroupCommit {
  private readonly logger = new Logger(GroupCommit.name);
  private readonly queue: Unit[] = [];
  private running = 0;
  private readonly options: GroupCommitOptions;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() @Inject(GROUP_COMMIT_OPTIONS) options?: Partial<GroupCommitOptions>,
  ) {
    this.options = { ...DEFAULT_GROUP_COMMIT, ...options };
  }

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.options.inFlight && this.queue.length > 0) {
      const group = this.queue.splice(0, this.options.maxGroup);
      this.running++;
      void this.commitGroup(group).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async commitGroup(units: Unit[]): Promise<void> {
    // The group, then each unit of a batch that failed as a whole, alone (see below).
    const groups: Unit[][] = [units];
    for (let members = groups.shift(); members; members = groups.shift()) {
      while (members.length > 0) {
        let attempt: Attempt;
        try {
          attempt = await this.attempt(members);
        } catch (err) {
          // The connection, BEGIN or COMMIT failed: nothing of the group is known to be written.
          for (const m of members) m.reject(err);
          break;
        }
        if ('failed' in attempt) {
          const failed = new Set(attempt.failed.map((f) => f.index));
          // An error several units got is a batch's (see `TxBatch`): which of them caused it is not known, so each
          // runs again alone, where its error is its own. An error of one unit alone is that unit's.
          const reported = new Map<unknown, number>();
          for (const f of attempt.failed) reported.set(f.error, (reported.get(f.error) ?? 0) + 1);
          for (const f of attempt.failed) {
            if (members.length > 1 && reported.get(f.error)! > 1) groups.push([members[f.index]]);
            else members[f.index].reject(f.error);
          }
          members = members.filter((_, i) => !failed.has(i));
          continue;
        }
        for (const [i, { result, hooks }] of attempt.committed.entries()) {
          await runAfterCommit(hooks, this.logger);
          members[i].resolve(result);
        }
        break;
      }
    }
  }

  private async attempt(members: Unit[]): Promise<Attempt> {
    const runner = inTurn(this.db.createQueryRunner());
    try {
      await runner.connect();
      await runner.startTransaction();
      const hooks = members.map((): AfterCommit[] => []);
      // The units run side by side on the one connection (their statements in turn, see `inTurn`), so the
      // database goes from one statement to the next instead of waiting for this process between a unit's own.
      const outcomes = await Promise.allSettled(
        members.map((member, i) =>
          member.work({ manager: runner.manager, afterCommit: (hook) => hooks[i].push(hook) }),
        ),
      );
      if (outcomes.some((o) => o.status === 'rejected')) {
        await runner.rollbackTransaction();
        const rejected = outcomes.flatMap((o, index) => (o.status === 'rejected' ? [{ index, error: o.reason as unknown }] : []));
        const failed = rejected.filter((r) => !isAfterAbort(r.error));
        if (failed.length) return { failed };
        // Only refusals after an abort whose cause nobody reported: no unit can be told apart, so all report that one
        // refusal, which makes them run again alone (below), where each one's failure is its own.
        return { failed: members.map((_, index) => ({ index, error: rejected[0].error })) };
      }
      await runner.commitTransaction();
      return { committed: outcomes.map((o, i) => ({ result: (o as PromiseFulfilledResult<unknown>).value, hooks: hooks[i] })) };
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }
}
