import { join } from 'node:path';

/**
 * A worker thread loads its file with Node's own loader. In the build that
 * is compiled JavaScript beside this file; under jest, which runs the
 * TypeScript sources, it is the `.ts` source, which the worker can load only
 * with a TypeScript register hook (a development dependency, never needed by
 * the build).
 */
export function workerScript(baseName: string): { filename: string; execArgv: string[] } {
  const fromSource = __filename.endsWith('.ts');
  return {
    filename: join(__dirname, `${baseName}${fromSource ? '.ts' : '.js'}`),
    execArgv: fromSource ? ['--require', require.resolve('@swc-node/register')] : [],
  };
}
