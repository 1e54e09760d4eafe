import { ChildProcess, execFile, spawn, SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';

export const run = promisify(execFile);

/** Resolves with the exit code (or the signal's name) once the child has exited. */
export function exitOf(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
}

/** A child whose stdout and stderr are kept line by line, for a test to wait on and read. */
export class Watched {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<number | string>;

  constructor(readonly child: ChildProcess) {
    this.collect(child.stdout, this.stdout);
    this.collect(child.stderr, this.stderr);
    this.exited = exitOf(child);
  }

  static spawn<T extends Watched>(this: new (child: ChildProcess) => T, command: string, args: string[], options: SpawnOptions): T {
    return new this(spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  private collect(stream: NodeJS.ReadableStream | null, into: string[]): void {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      into.push(...lines);
    });
    stream?.on('end', () => {
      if (rest) into.push(rest);
    });
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Kills the child if it still runs, and waits for it. */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.running) this.child.kill(signal);
    await this.exited;
  }
}

/** The processes whose parent is `pid` (from /proc: the machines here run Linux). */
export function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // gone between the listing and the read
    }
  }
  return found;
}
