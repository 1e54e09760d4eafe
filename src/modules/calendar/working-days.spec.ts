import { addWorkingDays, bangkokIsoDate, IsoDate, isWeekend, thaiPublicHolidays, withSubstitutes, yearsSpanned } from './working-days';

/** Bangkok wall time → instant. */
const bkk = (local: string) => new Date(`${local}+07:00`);
const holidaysOf = (...years: number[]) => new Set(years.flatMap((y) => thaiPublicHolidays(y).map((h) => h.date)));
const thaiCalendar = (extra: IsoDate[] = []) => {
  const days = holidaysOf(2024, 2025, 2026, 2027);
  for (const d of extra) days.add(d);
  return (day: IsoDate) => days.has(day);
};
const noHolidays = () => false;

describe('Thai public holidays', () => {
  it('come from the library: New Year, Songkran, the King’s birthday', () => {
    const dates = thaiPublicHolidays(2026).map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-01-01', '2026-04-13', '2026-04-14', '2026-04-15', '2026-07-28', '2026-12-31']));
    expect(thaiPublicHolidays(2026).find((h) => h.date === '2026-04-13')).toMatchObject({ nameTh: 'วันสงกรานต์', nameEn: 'Songkran Festival' });
  });

  it('get a substitute on the next working day when they fall on a weekend', () => {
    const subs = (y: number) => thaiPublicHolidays(y).filter((h) => h.source === 'substitute').map((h) => h.date);
    // Chakri Day and Coronation Day 2025 were Sundays; Vesak 2026 a Sunday, 5 December 2026 a Saturday.
    expect(subs(2025)).toEqual(['2025-04-07', '2025-04-16', '2025-05-05']);
    expect(subs(2026)).toEqual(['2026-06-01', '2026-12-07']);
  });

  it('give one substitute per occasion: Songkran over a weekend, New Year’s Eve and Day together', () => {
    // Songkran 2024: Saturday 13, Sunday 14, Monday 15 → Tuesday 16 only.
    expect(thaiPublicHolidays(2024).filter((h) => h.date.startsWith('2024-04-1')).map((h) => h.date)).toEqual([
      '2024-04-13',
      '2024-04-14',
      '2024-04-15',
      '2024-04-16',
    ]);
    // 31 December 2022 (Saturday) and 1 January 2023 (Sunday) → Monday 2 January only.
    const jan2023 = thaiPublicHolidays(2023).filter((h) => h.date.startsWith('2023-01-0')).map((h) => h.date);
    expect(jan2023).toEqual(['2023-01-01', '2023-01-02']);
  });

  it('never put a substitute on another holiday', () => {
    const subs = withSubstitutes([
      { date: '2026-05-31', nameTh: 'ก', nameEn: 'A', source: 'admin' }, // Sunday
      { date: '2026-06-01', nameTh: 'ข', nameEn: 'B', source: 'admin' }, // Monday, already off
    ]);
    expect(subs.map((h) => h.date)).toEqual(['2026-05-31', '2026-06-01', '2026-06-02']);
  });
});

describe('15 working days (addWorkingDays)', () => {
  it('skips weekends: from a Monday, the 15th working day is three weeks on, same time of day', () => {
    expect(addWorkingDays(bkk('2026-03-02T10:30:00'), 15, noHolidays)).toEqual(bkk('2026-03-23T10:30:00'));
  });

  it('starts counting on the next working day when received on a weekend', () => {
    const fromSaturday = addWorkingDays(bkk('2026-03-07T09:00:00'), 15, noHolidays);
    const fromFriday = addWorkingDays(bkk('2026-03-06T09:00:00'), 15, noHolidays);
    expect(bangkokIsoDate(fromSaturday)).toBe(bangkokIsoDate(fromFriday));
    expect(bangkokIsoDate(fromSaturday)).toBe('2026-03-27');
  });

  it('never falls on a weekend, even when the calendar count would', () => {
    for (let d = 1; d <= 31; d++) {
      const received = bkk(`2026-08-${String(d).padStart(2, '0')}T12:00:00`);
      expect(isWeekend(bangkokIsoDate(addWorkingDays(received, 15, thaiCalendar())))).toBe(false);
    }
  });

  it('across New Year: 31 December and 1 January are skipped', () => {
    // Received Wednesday 24 December 2025. Working days: 25, 26, 29, 30 Dec (4); 2 Jan (5); 5–9 (10); 12–16 (15).
    expect(addWorkingDays(bkk('2025-12-24T14:00:00'), 15, thaiCalendar())).toEqual(bkk('2026-01-16T14:00:00'));
    // Without the two holidays it would be two working days earlier.
    expect(addWorkingDays(bkk('2025-12-24T14:00:00'), 15, noHolidays)).toEqual(bkk('2026-01-14T14:00:00'));
  });

  it('across Songkran 2026 (Monday 13 – Wednesday 15 April)', () => {
    // Received Friday 3 April: 6 April is Chakri Day; 13–15 April Songkran.
    // Working days: 7–10 (4), 16–17 (6), 20–24 (11), 27–30 (15).
    expect(addWorkingDays(bkk('2026-04-03T08:00:00'), 15, thaiCalendar())).toEqual(bkk('2026-04-30T08:00:00'));
  });

  it('across a substitute holiday: Monday 1 June 2026 for Vesak on Sunday 31 May', () => {
    // Received Friday 22 May. Working days: 25–29 May (5); 2, 4, 5 June (8) — 1 June is the substitute,
    // 3 June the Queen's birthday; 8–12 June (13); 15, 16 June (15).
    expect(addWorkingDays(bkk('2026-05-22T11:00:00'), 15, thaiCalendar())).toEqual(bkk('2026-06-16T11:00:00'));
    expect(addWorkingDays(bkk('2026-05-22T11:00:00'), 15, noHolidays)).toEqual(bkk('2026-06-12T11:00:00'));
  });

  it('counts a holiday an administrator added (a special day the cabinet announced)', () => {
    // From Tuesday 1 September 2026 the 15th working day is Tuesday 22; a day off on Friday 4 moves it to Wednesday 23.
    expect(addWorkingDays(bkk('2026-09-01T09:00:00'), 15, thaiCalendar())).toEqual(bkk('2026-09-22T09:00:00'));
    expect(addWorkingDays(bkk('2026-09-01T09:00:00'), 15, thaiCalendar(['2026-09-04']))).toEqual(bkk('2026-09-23T09:00:00'));
  });

  it('keeps the time of day of a receipt late in the Bangkok evening (already the next day in UTC terms before 07:00)', () => {
    expect(addWorkingDays(bkk('2026-03-02T23:30:00'), 1, noHolidays)).toEqual(bkk('2026-03-03T23:30:00'));
    expect(addWorkingDays(bkk('2026-03-06T06:00:00'), 1, noHolidays)).toEqual(bkk('2026-03-09T06:00:00'));
  });

  it('refuses a count that is not a positive whole number', () => {
    expect(() => addWorkingDays(new Date(), 0, noHolidays)).toThrow('positive integer');
  });

  it('knows which years a count can reach', () => {
    expect(yearsSpanned(bkk('2026-12-20T10:00:00'), 15)).toEqual([2026, 2027]);
    expect(yearsSpanned(bkk('2026-06-20T10:00:00'), 15)).toEqual([2026]);
  });
});
