import { addSums, figuresOf, medianOf, pct, ZERO } from './summary-figures';

describe('summary figures', () => {
  it('takes the median of a histogram, the mean of the middle two for an even count', () => {
    expect(medianOf(new Map())).toBeNull();
    expect(medianOf(new Map([[3, 1]]))).toBe(3);
    expect(medianOf(new Map([[1, 1], [2, 1], [9, 1]]))).toBe(2);
    expect(medianOf(new Map([[1, 2], [4, 2]]))).toBe(2.5);
    expect(medianOf(new Map([[0, 5], [7, 0], [10, 4]]))).toBe(0);
  });

  it('rounds percentages to one decimal and has none of nothing', () => {
    expect(pct(1, 3)).toBe(33.3);
    expect(pct(2, 3)).toBe(66.7);
    expect(pct(0, 0)).toBeNull();
  });

  it('derives rates, durations and satisfaction from sums', () => {
    const s = addSums(ZERO, {
      ...ZERO,
      received: 10,
      resolved: 4,
      resolvedWithin: 3,
      resolvedLate: 1,
      resolveSeconds: 4 * 86_400 * 2.5,
      completedWithin: 5,
      overdue: 3,
      feedbackResponses: 4,
      feedbackSum: 17,
      feedbackSatisfied: 3,
    });
    const f = figuresOf(s, new Map([[2, 2], [3, 2]]));
    expect(f).toMatchObject({
      received: 10,
      resolvedWithinDeadlinePct: 75,
      withinDeadlinePct: 62.5,
      avgDaysToResolve: 2.5,
      medianDaysToResolve: 2.5,
      satisfaction: { responses: 4, average: 4.25, satisfiedPct: 75, targetPct: 80 },
    });
  });
});
