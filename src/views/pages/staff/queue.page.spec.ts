import { tabCount } from './queue.page';

describe('tabCount', () => {
  it('shows an exact count as it is, grouped', () => {
    expect(tabCount('th', { n: 3, atLeast: false })).toBe('3');
    expect(tabCount('en', { n: 12_345, atLeast: false })).toBe('12,345');
  });

  it('shows the count a search stopped at with a plus', () => {
    expect(tabCount('th', { n: 1000, atLeast: true })).toBe('1,000+');
    expect(tabCount('en', { n: 1000, atLeast: true })).toBe('1,000+');
  });
});
