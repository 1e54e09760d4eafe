import { createHash } from 'node:crypto';
import { isNonce, leadingZeroBits, solve, solves } from './proof-of-work';

describe('the proof of work', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Buffer.from([0xff]))).toBe(0);
    expect(leadingZeroBits(Buffer.from([0x01, 0xff]))).toBe(7);
    expect(leadingZeroBits(Buffer.from([0x00, 0x10]))).toBe(11);
    expect(leadingZeroBits(Buffer.from([0x00, 0x00]))).toBe(16);
  });

  it('accepts a solution and refuses the same nonce for another salt or a harder difficulty', () => {
    const nonce = solve('abc123', 12);
    expect(solves('abc123', nonce, 12)).toBe(true);
    const digest = createHash('sha256').update(`abc123${nonce}`).digest();
    expect(leadingZeroBits(digest)).toBeGreaterThanOrEqual(12);
    expect(solves('abc123', nonce, leadingZeroBits(digest) + 1)).toBe(false);
  });

  it('takes decimal nonces only', () => {
    expect(isNonce('123')).toBe(true);
    for (const bad of ['', '1e5', '-1', '12345678901234567', 12, null]) expect(isNonce(bad)).toBe(false);
  });
});
