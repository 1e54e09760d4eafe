import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The import rules of the code base, checked on every run: a boundary that
 * is only written down does not hold for long.
 */
const SRC = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every relative import of every file, resolved to a path under src/ (without extension). */
const IMPORTS = sourceFiles(SRC).map((file) => {
  const text = readFileSync(file, 'utf8');
  const targets = [...text.matchAll(/(?:from|import)\s+'(\.[^']+)'/g)].map((m) => relative(SRC, resolve(dirname(file), m[1])));
  return { file: relative(SRC, file), text, targets };
});

function offenders(from: (file: string) => boolean, to: (target: string) => boolean): string[] {
  return IMPORTS.filter((f) => from(f.file)).flatMap((f) => f.targets.filter(to).map((t) => `${f.file} -> ${t}`));
}

const under = (folder: string) => (path: string) => path === folder || path.startsWith(`${folder}/`);

describe('module boundaries', () => {
  it('the data layer knows no feature, page or seed', () => {
    expect(offenders(under('database'), (t) => under('modules')(t) || under('views')(t) || under('seed')(t))).toEqual([]);
  });

  it('common/ stands alone: no views, no feature modules', () => {
    expect(offenders(under('common'), (t) => under('views')(t) || under('modules')(t))).toEqual([]);
  });

  it('cases imports no module that builds on it', () => {
    const builtOn = ['intake', 'notifications', 'attachments', 'whistleblower', 'deadlines', 'reports', 'staff-console'];
    expect(offenders(under('modules/cases'), (t) => builtOn.some((m) => under(`modules/${m}`)(t)) || under('views')(t))).toEqual([]);
  });

  it('other code uses cases through its public interface only', () => {
    const publicFiles = ['modules/cases', 'modules/cases/index', 'modules/cases/cases.module'];
    expect(offenders((f) => !under('modules/cases')(f), (t) => under('modules/cases')(t) && !publicFiles.includes(t))).toEqual([]);
  });

  it('only the configuration reads the environment', () => {
    const readers = IMPORTS.filter((f) => /process\.env\b/.test(f.text) && !under('config')(f.file)).map((f) => f.file);
    expect(readers).toEqual([]);
  });

  it('the whistleblower identity keys reach the vault alone', () => {
    const holders = IMPORTS.filter((f) => /\bidentityKeys\b/.test(f.text)).map((f) => f.file);
    const allowed = (f: string) => f === 'config/app-config.ts' || f === 'app.module.ts' || under('modules/whistleblower/vault')(f);
    expect(holders.filter((f) => !allowed(f))).toEqual([]);
  });

  it('the auth token secret reaches the auth module alone', () => {
    const holders = IMPORTS.filter((f) => /\bauthTokenSecret\b/.test(f.text)).map((f) => f.file);
    expect(holders.filter((f) => f !== 'config/app-config.ts' && f !== 'app.module.ts')).toEqual([]);
  });
});
