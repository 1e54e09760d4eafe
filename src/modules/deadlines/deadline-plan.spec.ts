import { nextTimer, planTimers, timerJobId } from './deadline-plan';

const DAY = 24 * 3600 * 1000;
const due = new Date('2026-03-17T02:00:00Z');
const at = (daysFromDue: number) => new Date(due.getTime() + daysFromDue * DAY);
const plan = planTimers(due, [3, 1]);
const fired = (...o: string[]) => new Set(o);

describe('the timers of a case', () => {
  it('are the reminders, the deadline and the escalation 15 days later, in order', () => {
    expect(plan.map((t) => [t.occasion, t.fireAt])).toEqual([
      ['reminder-3d', at(-3)],
      ['reminder-1d', at(-1)],
      ['deadline', due],
      ['escalation', at(15)],
    ]);
    expect(planTimers(due, [1, 3, 3, 0]).map((t) => t.occasion)).toEqual(['reminder-3d', 'reminder-1d', 'deadline', 'escalation']);
    expect(planTimers(due, []).map((t) => t.occasion)).toEqual(['deadline', 'escalation']);
  });

  it('come one at a time: the first that has not fired', () => {
    expect(nextTimer(plan, fired(), at(-10))?.occasion).toBe('reminder-3d');
    expect(nextTimer(plan, fired('reminder-3d'), at(-3))?.occasion).toBe('reminder-1d');
    expect(nextTimer(plan, fired('reminder-3d', 'reminder-1d'), at(-1))?.occasion).toBe('deadline');
    expect(nextTimer(plan, fired('reminder-3d', 'reminder-1d', 'deadline'), at(0))?.occasion).toBe('escalation');
    expect(nextTimer(plan, fired('reminder-3d', 'reminder-1d', 'deadline', 'escalation'), at(20))).toBeNull();
  });

  it('skip a reminder overtaken by a later moment, but never the deadline or the escalation', () => {
    // Registered two days before the due date: the 3-day reminder's moment has passed, the 1-day one has not.
    expect(nextTimer(plan, fired(), at(-2))?.occasion).toBe('reminder-3d');
    // Half a day before: both reminder moments passed; only the latest is sent.
    expect(nextTimer(plan, fired(), at(-0.5))?.occasion).toBe('reminder-1d');
    // The deadline passed while nothing watched: it fires, reminders are skipped.
    expect(nextTimer(plan, fired(), at(2))?.occasion).toBe('deadline');
    // Even a month late, the deadline comes before the escalation.
    expect(nextTimer(plan, fired(), at(30))?.occasion).toBe('deadline');
    expect(nextTimer(plan, fired('deadline'), at(30))?.occasion).toBe('escalation');
  });

  it('have ids of their case, occasion and due date, without colons', () => {
    const id = '6f1c2d7e-1111-4222-8333-944455556666';
    expect(timerJobId(id, plan[0])).toBe(`reminder-${id}-3d-${due.getTime()}`);
    expect(timerJobId(id, plan[2])).toBe(`deadline-${id}-${due.getTime()}`);
    expect(timerJobId(id, plan[3])).toBe(`escalation-${id}-${due.getTime()}`);
    expect(plan.map((t) => timerJobId(id, t)).some((j) => j.includes(':'))).toBe(false);
  });
});
