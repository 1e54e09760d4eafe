import { describeMailError, isPermanentMailError } from './mail-transport';

describe('mail errors', () => {
  it('keeps the code and status line but never an address', () => {
    const err = Object.assign(new Error('Can\'t send mail - all recipients were rejected: 550 5.1.1 <somchai.j@example.com>: Recipient address rejected\nmore'), {
      code: 'EENVELOPE',
      responseCode: 550,
    });
    const text = describeMailError(err);
    expect(text).toContain('EENVELOPE 550');
    expect(text).toContain('[address]');
    expect(text).not.toContain('somchai');
    expect(text).not.toContain('more');
    expect(isPermanentMailError(err)).toBe(true);
  });

  it('treats connection trouble as passing', () => {
    expect(isPermanentMailError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }))).toBe(false);
  });
});
