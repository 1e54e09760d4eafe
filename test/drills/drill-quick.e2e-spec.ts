import { drillPlan, runDrills } from '../../drill/run';
import { destroyAllStacks } from '../../drill/stack';
import { verdictLine } from '../../drill/verdict';

/**
 * `npm run drill -- --quick` as CI runs it: each failure kind once, on
 * Postgres, Redis and mail servers of the drill's own, never the shared ones.
 */
describe('the quick fault drills', () => {
  jest.setTimeout(300_000);
  afterAll(() => destroyAllStacks());

  it('lose, duplicate and delay nothing', async () => {
    const lines: string[] = [];
    const verdicts = await runDrills(drillPlan(true), { print: (l) => void lines.push(l) });
    // The figures come with a failure, to say what happened.
    const failed = verdicts.filter((v) => !verdictLine(v).endsWith('PASS'));
    expect(failed.length === 0 ? [] : lines).toEqual([]);
    expect(verdicts.map((v) => v.name).sort()).toEqual(drillPlan(true).map((d) => d.name).sort());
  });
});
