import { bangkokDaysUntil, dueAtFor, fiscalYearOf, formatDate, formatDateTime, toThaiDigits } from './thai-calendar';

describe('fiscalYearOf', () => {
  it.each([
    // 1 October 00:00 in Bangkok is still 30 September in UTC.
    ['2025-09-30T16:59:59.999Z', 2568],
    ['2025-09-30T17:00:00.000Z', 2569],
    ['2025-10-01T00:00:00.000Z', 2569],
    ['2026-09-30T16:59:59.999Z', 2569],
    ['2026-09-30T17:00:00.000Z', 2570],
    ['2026-01-01T00:00:00.000Z', 2569],
    ['2025-12-31T17:00:00.000Z', 2569],
  ])('%s is in FY %i', (iso, fy) => {
    expect(fiscalYearOf(new Date(iso))).toBe(fy);
  });
});

describe('dueAtFor', () => {
  it('is fifteen calendar days after receipt, to the millisecond', () => {
    const received = new Date('2026-02-20T03:04:05.678Z');
    expect(dueAtFor(received).toISOString()).toBe('2026-03-07T03:04:05.678Z');
  });

  it('crosses the fiscal-year boundary without drift', () => {
    const received = new Date('2026-09-20T10:00:00.000Z');
    expect(dueAtFor(received).toISOString()).toBe('2026-10-05T10:00:00.000Z');
  });
});

describe('Thai display', () => {
  it('writes Buddhist-Era dates with Thai month names in Bangkok time', () => {
    // 17:30 UTC on 30 Nov is already 1 December in Bangkok.
    expect(formatDate(new Date('2026-11-30T17:30:00Z'), 'th')).toBe('1 ธันวาคม 2569');
    expect(formatDate(new Date('2026-11-30T17:30:00Z'), 'en')).toBe('1 December 2026');
  });

  it('converts Arabic to Thai digits', () => {
    expect(toThaiDigits('123/2569')).toBe('๑๒๓/๒๕๖๙');
  });
});

describe('Thai times', () => {
  it('writes the hour the Thai way, with น.', () => {
    expect(formatDateTime(new Date('2026-11-30T01:54:00Z'), 'th')).toBe('30 พฤศจิกายน 2569 เวลา 08:54 น.');
    expect(formatDateTime(new Date('2026-11-30T01:54:00Z'), 'en')).toBe('30 November 2026 at 08:54');
  });
});

describe('bangkokDaysUntil', () => {
  it('counts Bangkok calendar days, not 24-hour spans', () => {
    // 23:30 and 00:30 the next day in Bangkok: one day apart, though an hour.
    expect(bangkokDaysUntil(new Date('2026-03-01T16:30:00Z'), new Date('2026-03-01T17:30:00Z'))).toBe(1);
    expect(bangkokDaysUntil(new Date('2026-03-01T01:00:00Z'), new Date('2026-03-01T10:00:00Z'))).toBe(0);
    expect(bangkokDaysUntil(new Date('2026-03-01T01:00:00Z'), new Date('2026-03-16T01:00:00Z'))).toBe(15);
  });

  it('is negative once the due date has passed', () => {
    expect(bangkokDaysUntil(new Date('2026-03-05T03:00:00Z'), new Date('2026-03-02T03:00:00Z'))).toBe(-3);
  });
});
