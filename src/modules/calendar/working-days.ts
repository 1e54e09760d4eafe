import Holidays from 'date-holidays';

/**
 * Day arithmetic in Bangkok (UTC+7 all year, no daylight saving): a day is
 * its ISO date string, `2026-04-13`. Pure functions, no clock, no database.
 */
const BANGKOK_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

export type IsoDate = string;

/** The Bangkok calendar date of an instant. */
export function bangkokIsoDate(at: Date): IsoDate {
  return new Date(at.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight in Bangkok at the start of a date, as an instant. */
export function bangkokMidnight(day: IsoDate): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - BANGKOK_OFFSET_MS);
}

export function addDays(day: IsoDate, n: number): IsoDate {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: IsoDate): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function isWeekend(day: IsoDate): boolean {
  const d = weekdayOf(day);
  return d === 0 || d === 6;
}

export interface Holiday {
  date: IsoDate;
  nameTh: string;
  nameEn: string;
  /** `library`: the maintained holiday library; `substitute`: our substitution rule; `admin`: added by an administrator. */
  source: 'library' | 'substitute' | 'admin';
}

/**
 * Holidays that one substitute day covers together: the days of Songkran,
 * and New Year's Eve with New Year's Day (2018 and 2024 Songkran, and New
 * Year 2023, each got one substitute day however many of them fell on a weekend).
 */
function occasionOf(nameEn: string, date: IsoDate): string {
  if (/songkran/i.test(nameEn)) return `songkran-${date.slice(0, 4)}`;
  if (/new year/i.test(nameEn)) {
    const year = Number(date.slice(0, 4)) + (date.endsWith('12-31') ? 1 : 0);
    return `new-year-${year}`;
  }
  return date;
}

/**
 * The cabinet's rule for a public holiday that falls on a Saturday or
 * Sunday: the next working day is a substitute holiday (วันหยุดชดเชย), one
 * per occasion. The holiday library knows the holidays but not (except in a
 * year or two) their substitutes, so they are derived here.
 */
export function withSubstitutes(holidays: readonly Holiday[]): Holiday[] {
  const taken = new Set(holidays.map((h) => h.date));
  const byOccasion = new Map<string, Holiday[]>();
  for (const h of [...holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    const key = occasionOf(h.nameEn, h.date);
    byOccasion.set(key, [...(byOccasion.get(key) ?? []), h]);
  }
  const substitutes: Holiday[] = [];
  for (const days of byOccasion.values()) {
    if (!days.some((h) => isWeekend(h.date))) continue;
    let day = addDays(days[days.length - 1].date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    const first = days[0];
    substitutes.push({ date: day, nameTh: `ชดเชย${first.nameTh}`, nameEn: `Substitute for ${first.nameEn}`, source: 'substitute' });
  }
  return [...holidays, ...substitutes].sort((a, b) => a.date.localeCompare(b.date));
}

const thai = new Holidays('TH', { languages: ['th'], types: ['public'] });
const english = new Holidays('TH', { languages: ['en'], types: ['public'] });
const yearCache = new Map<number, Holiday[]>();

/**
 * Thailand's public holidays of a year from `date-holidays`, with their
 * substitute days. The library holds the lunar holidays (Makha Bucha,
 * Vesak, Asalha Bucha, Buddhist Lent) only for the years the cabinet has
 * announced; later years need them added by an administrator.
 */
export function thaiPublicHolidays(year: number): Holiday[] {
  const cached = yearCache.get(year);
  if (cached) return cached;
  // Substitutes cross year ends (New Year's Eve pairs with New Year's Day; a late
  // December holiday on a weekend is made up in January): derive over three years, keep one.
  const window = [year - 1, year, year + 1].flatMap(libraryDays);
  const result = withSubstitutes(window).filter((h) => h.date.startsWith(`${year}-`));
  yearCache.set(year, result);
  return result;
}

function libraryDays(year: number): Holiday[] {
  const en = new Map(english.getHolidays(year).map((h) => [h.date.slice(0, 10), h.name]));
  const seen = new Set<IsoDate>();
  return thai
    .getHolidays(year)
    .filter((h) => !h.substitute)
    .map((h) => ({ date: h.date.slice(0, 10), nameTh: h.name, nameEn: en.get(h.date.slice(0, 10)) ?? h.name, source: 'library' as const }))
    .filter((h) => !seen.has(h.date) && seen.add(h.date));
}

/**
 * `days` working days after the day an instant falls on, at the same time
 * of day: the first working day after the day of receipt is day 1, so a
 * complaint received on a Saturday or a holiday starts counting on the next
 * working day like one received on the Friday before. Weekends and the
 * given holidays are skipped; the result is always a working day.
 */
export function addWorkingDays(from: Date, days: number, isHoliday: (day: IsoDate) => boolean): Date {
  if (!Number.isInteger(days) || days < 1) throw new Error(`working days must be a positive integer, got ${days}`);
  const start = bangkokIsoDate(from);
  const timeOfDay = from.getTime() - bangkokMidnight(start).getTime();
  let day = start;
  for (let counted = 0; counted < days; ) {
    day = addDays(day, 1);
    if (!isWeekend(day) && !isHoliday(day)) counted++;
  }
  return new Date(bangkokMidnight(day).getTime() + timeOfDay);
}

/** The years whose holidays a count of `days` working days from an instant can touch. */
export function yearsSpanned(from: Date, days: number): number[] {
  const first = Number(bangkokIsoDate(from).slice(0, 4));
  // 15 working days never span more than ~5 weeks, even over Songkran and New Year.
  const last = Number(bangkokIsoDate(new Date(from.getTime() + (days * 3 + 14) * DAY_MS)).slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
