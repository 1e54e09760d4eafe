import { drillPlan, runDrills } from '../../drill/run';
import { destroyAllStacks } from '../../drill/stack';
import { passed } from '../../drill/verdict';

/**
 * `npm run drill -- --quick` as CI runs it: each failure kind once, on
 * Postgres, Redis and mail servers of the drill's own, never the shared ones.
 */
describe('the quick fault drills', () => {
  jest.setTimeout(420_000);
  afterAll(() => destroyAllStacks());

  it('lose and delay nothing, and repeat a mail only where a kill cut it off', async () => {
    const lines: string[] = [];
    const verdicts = await runDrills(drillPlan(true), { print: (l) => void lines.push(l) });
    // Printed whatever the outcome: CI's log keeps the figures.
    console.log(lines.join('\n'));
    expect(verdicts.map((v) => v.name).sort()).toEqual(drillPlan(true).map((d) => d.name).sort());

    expect(verdicts.filter((v) => v.name !== 'kill-9' && !passed(v)).map((v) => v.name)).toEqual([]);
    const kill = verdicts.find((v) => v.name === 'kill-9')!;
    expect({ lost: kill.lost, late: kill.late, problems: kill.problems }).toEqual({ lost: 0, late: 0, problems: [] });
    // A mail the mail server accepted in the milliseconds before a kill, and that was not marked sent yet, goes
    // again under the same Message-ID: SMTP cannot do better. The verdict counts every such copy (FAIL); what
    // would be a fault of ours is more copies than kills that could have cut a mail off.
    expect(kill.duplicated).toBeLessThanOrEqual(kill.servedKills ?? 0);
  });
});
