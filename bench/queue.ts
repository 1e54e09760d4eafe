import { LoadResult, measure, Observer } from './load';
import { signIn } from './staff';

const CONNECTIONS = 64;

/** A page far down the centre's list: `pages` pages of 100 followed by their keyset cursors. */
async function deepCursor(base: string, auth: string, pages: number): Promise<string> {
  let cursor = '';
  for (let i = 0; i < pages; i++) {
    const res = await fetch(`${base}/api/v1/cases?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { authorization: auth } });
    const body = (await res.json()) as { nextCursor: string | null };
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  return cursor;
}

/** The lists the quick run measures besides the deep page: one of each kind of read (trigger-kept counts, live counts, a search, a department). */
const QUICK_LISTS = ['centre: all general, by due date', 'centre: view overdue', 'centre: search subject words', 'officer (works): department queue'];

/**
 * The officer queue at 64 connections: every built-in view for the role
 * that uses it, the plain lists, a search, and a deep page reached by keyset
 * cursor; each GET /api/v1/cases with limit 25 and the per-status counts.
 * The quick run measures a few of them and the deep page.
 */
export async function benchQueue(base: string, amount: number, deepPages: number, observe: Observer, quick = false): Promise<LoadResult[]> {
  const center = await signIn(base, 'center@example.go.th');
  const works = await signIn(base, 'works@example.go.th');
  const worksHead = await signIn(base, 'works.head@example.go.th');
  const integrity = await signIn(base, 'integrity@example.go.th');
  const deep = await deepCursor(base, center, deepPages);
  const deepName = `centre: deep page (after ${(deepPages * 100).toLocaleString('en')} rows, keyset cursor)`;
  const quickLists = new Set([...QUICK_LISTS, deepName]);
  const scenarios: Array<[string, string, string]> = [
    ['centre: all general, by due date', center, '/api/v1/cases'],
    ['centre: newest received first', center, '/api/v1/cases?sort=-receivedAt'],
    ['centre: view unscreened', center, '/api/v1/cases?view=unscreened'],
    ['centre: view due_soon (3 days)', center, '/api/v1/cases?view=due_soon'],
    ['centre: view overdue', center, '/api/v1/cases?view=overdue'],
    ['centre: view awaiting_explanation', center, '/api/v1/cases?view=awaiting_explanation'],
    [deepName, center, `/api/v1/cases?cursor=${encodeURIComponent(deep)}`],
    ['centre: search subject words', center, `/api/v1/cases?q=${encodeURIComponent('น้ำท่วมขัง')}`],
    ['officer (works): department queue', works, '/api/v1/cases'],
    ['officer (works): view mine', works, '/api/v1/cases?view=mine'],
    ['head (works): view overdue', worksHead, '/api/v1/cases?view=overdue'],
    ['integrity: corruption queue', integrity, '/api/v1/cases'],
  ];
  const results: LoadResult[] = [];
  for (const [name, authorization, path] of scenarios) {
    if (quick && !quickLists.has(name)) continue;
    results.push(await measure({ name, url: `${base}${path}`, connections: CONNECTIONS, amount, headers: { authorization }, observe }));
  }
  return results;
}
