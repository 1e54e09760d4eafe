import { join } from 'node:path';
import { projectRoot } from '../../../src/common/http/project-root';
import { waitFor } from '../../support/wait-for';
import { Watched } from './processes';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/**
 * An entry point (src/main.ts, src/worker.ts) run as its own process from
 * the TypeScript sources, as `npm start` would run the build: signals, exit
 * codes and the log on stdout are then the real ones.
 */
export class ServerProcess extends Watched {
  static start(entry: 'main' | 'worker', env: Record<string, string>): ServerProcess {
    const root = projectRoot();
    return ServerProcess.spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'src', `${entry}.ts`)], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    });
  }

  /** Every stdout line as JSON; throws on the first that is not, which is itself a finding. */
  logLines(): LogLine[] {
    return this.stdout.filter((l) => l.trim()).map((l) => JSON.parse(l) as LogLine);
  }

  waitForLog(match: (line: LogLine) => boolean, what: string, timeoutMs = 30_000): Promise<LogLine> {
    return waitFor(
      () => {
        const found = this.logLines().find(match);
        if (found) return found;
        if (!this.running) throw new Error(`exited before ${what}:\n${this.stdout.concat(this.stderr).join('\n')}`);
        return undefined;
      },
      { timeoutMs, what },
    );
  }

  /** The base URL from the server's own "Listening on" line. */
  async listeningUrl(): Promise<string> {
    const line = await this.waitForLog((l) => typeof l.address === 'string', 'the server to listen');
    return (line.address as string).replace('0.0.0.0', '127.0.0.1');
  }
}
