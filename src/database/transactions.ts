import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export type AfterCommit = () => void | Promise<void>;
export type BeforeCommit = () => Promise<void>;

/**
 * One open database transaction, handed down explicitly to whatever writes
 * in it. What must wait for the commit (queueing a job, anything that talks
 * to the network) is registered with `afterCommit` and never runs if the
 * transaction rolls back. What must be written last, just before COMMIT
 * (taking a row every writer needs, such as the register's counter, for as
 * short a time as possible), is registered with `beforeCommit`; if it fails,
 * the transaction rolls back.
 */
export interface Tx {
  readonly manager: EntityManager;
  afterCommit(hook: AfterCommit): void;
  beforeCommit(hook: BeforeCommit): void;
}

/** Runs a committed transaction's hooks in order: what follows may fail without undoing anything, so it is logged, not thrown. */
export async function runAfterCommit(hooks: AfterCommit[], logger: Logger): Promise<void> {
  for (const hook of hooks) {
    try {
      await hook();
    } catch (err) {
      logger.warn(`after-commit hook failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/** Runs the last writes of a transaction in order; a hook may register another, which runs too. */
export async function runBeforeCommit(hooks: BeforeCommit[]): Promise<void> {
  for (let i = 0; i < hooks.length; i++) await hooks[i]();
}

/** The one way services open a transaction. */
@Injectable()
export class Transactions {
  private readonly logger = new Logger(Transactions.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const after: AfterCommit[] = [];
    const result = await this.db.transaction(async (manager) => {
      const before: BeforeCommit[] = [];
      const value = await work({ manager, afterCommit: (hook) => after.push(hook), beforeCommit: (hook) => before.push(hook) });
      await runBeforeCommit(before);
      return value;
    });
    await runAfterCommit(after, this.logger);
    return result;
  }
}
