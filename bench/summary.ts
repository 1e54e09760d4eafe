import { LoadResult, measure, Observer } from './load';
import { signIn } from './staff';

const CONNECTIONS = 16;

/**
 * The statistics under load over real HTTP, 16 connections: the executive's
 * monthly summary of a fiscal year (the target), the quarterly one for one
 * channel, a head's for the department, and the public statistics for
 * comparison.
 */
export async function benchSummary(base: string, fiscalYear: number, amount: number, observe: Observer): Promise<LoadResult[]> {
  const executive = await signIn(base, 'executive@example.go.th');
  const head = await signIn(base, 'works.head@example.go.th');
  const scenarios: Array<[string, string, Record<string, string>]> = [
    [`executive: monthly summary of FY ${fiscalYear}`, `/api/v1/reports/summary?fiscalYear=${fiscalYear}&period=month`, { authorization: executive }],
    ['executive: quarterly summary, channel phone', `/api/v1/reports/summary?fiscalYear=${fiscalYear}&period=quarter&channel=phone`, { authorization: executive }],
    ['head (works): monthly summary of the department', `/api/v1/reports/summary?fiscalYear=${fiscalYear}`, { authorization: head }],
    ['public statistics (o31), for comparison', `/api/v1/public/statistics?fiscalYear=${fiscalYear}`, {}],
  ];
  const results: LoadResult[] = [];
  for (const [name, path, headers] of scenarios) {
    results.push(await measure({ name, url: `${base}${path}`, connections: CONNECTIONS, amount, headers, observe }));
  }
  return results;
}
