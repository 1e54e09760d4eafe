/** What a drill found: the three counts of the issue, and the figures behind them. */
export interface Verdict {
  name: string;
  lost: number;
  duplicated: number;
  late: number;
  /** Anything else that fails the drill (a 500, a hang, no recovery), said in words. */
  problems: string[];
  /** The figures a reader needs to believe the counts: kills, filings, notices, timings. */
  figures: string[];
}

export function passed(v: Verdict): boolean {
  return v.lost === 0 && v.duplicated === 0 && v.late === 0 && v.problems.length === 0;
}

export function verdictLine(v: Verdict): string {
  return `drill ${v.name}: lost ${v.lost}, duplicated ${v.duplicated}, late ${v.late} — ${passed(v) ? 'PASS' : 'FAIL'}`;
}

/** The figures and problems, indented, then the one-line verdict. */
export function report(v: Verdict): string {
  return [...v.figures.map((f) => `  ${v.name}: ${f}`), ...v.problems.map((p) => `  ${v.name}: PROBLEM ${p}`), verdictLine(v)].join('\n');
}

export function failedVerdict(name: string, err: unknown): Verdict {
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return { name, lost: 0, duplicated: 0, late: 0, problems: [`the drill could not run: ${message}`], figures: [] };
}
