import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Runs one of the TypeScript entry points (src/main.ts, src/worker.ts) as
 * its own process, the way `npm start` would run the build, with the
 * environment given and nothing inherited but PATH.
 */
export function spawnEntryPoint(entry: 'src/main.ts' | 'src/worker.ts', env: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new RunningProcess(child);
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class RunningProcess {
  output = '';
  readonly exited: Promise<Exit>;

  constructor(readonly child: ChildProcess) {
    child.stdout?.on('data', (d) => (this.output += String(d)));
    child.stderr?.on('data', (d) => (this.output += String(d)));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /**
   * SIGTERM, then SIGKILL if it has not gone within `graceMs`. A Nest
   * process that shut down cleanly re-raises SIGTERM once closed, so a
   * clean stop reads `{ signal: 'SIGTERM' }` (or code 0), never SIGKILL.
   */
  async stop(graceMs = 10_000): Promise<Exit> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return { code: this.child.exitCode, signal: this.child.signalCode };
    }
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}
