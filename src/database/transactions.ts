import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export type AfterCommit = () => void | Promise<void>;

/**
 * One open database transaction, handed down explicitly to whatever writes
 * in it. What must wait for the commit (queueing a job, anything that talks
 * to the network) is registered with `afterCommit` and never runs if the
 * transaction rolls back.
 */
export interface Tx {
  readonly manager: EntityManager;
  afterCommit(hook: AfterCommit): void;
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

/** The one way services open a transaction. */
@Injectable()
export class Transactions {
  private readonly logger = new Logger(Transactions.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const after: AfterCommit[] = [];
    const result = await this.db.transaction((manager) => work({ manager, afterCommit: (hook) => after.push(hook) }));
    await runAfterCommit(after, this.logger);
    return result;
  }
}
