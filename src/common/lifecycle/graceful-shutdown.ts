import type { LoggerService } from '@nestjs/common';

export interface ShutdownOptions {
  /** After the first signal, the process exits by this time whatever is still closing. */
  deadlineMs: number;
  /** Run in order: stop taking requests and let those in flight finish, then close the rest. */
  steps: Array<[name: string, run: () => Promise<unknown>]>;
  /** The application's logger (JSON lines), so that these lines read like every other. */
  logger: LoggerService;
  exit?: (code: number) => never;
}

/**
 * SIGTERM and SIGINT close the process in order and within a deadline.
 * Closing can wait on a dependency that is away (BullMQ waits for Redis to
 * close its connections): past the deadline the process exits anyway, so
 * that an orchestrator's stop never takes minutes. A second signal exits at once.
 */
export function closeOnSignals({ deadlineMs, steps, logger, exit = process.exit }: ShutdownOptions): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn({ signal }, 'Second signal while shutting down; exiting now');
      exit(1);
    }
    closing = true;
    logger.log({ signal, deadlineMs }, `Received ${signal}; shutting down`);
    let current = 'start';
    // Unref'd: if everything closes, it must not be what keeps the process alive.
    setTimeout(() => {
      logger.error({ deadlineMs, step: current }, `Shutdown did not finish within ${deadlineMs} ms (at "${current}"); exiting now`);
      exit(1);
    }, deadlineMs).unref();
    void (async () => {
      for (const [name, run] of steps) {
        current = name;
        await run();
      }
      logger.log('Shut down cleanly');
      exit(0);
    })().catch((err: unknown) => {
      logger.error({ err, step: current }, 'Shutdown failed');
      exit(1);
    });
  };
  process.on('SIGTERM', onSignal).on('SIGINT', onSignal);
}
