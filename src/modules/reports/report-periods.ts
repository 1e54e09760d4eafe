import { BE_OFFSET } from '../../common/time/thai-calendar';

export const PERIODS = ['month', 'quarter', 'half', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** How many months one period of each kind spans: a fiscal year is 12 of them, October first. */
export const PERIOD_MONTHS: Readonly<Record<Period, number>> = { month: 1, quarter: 3, half: 6, year: 12 };

const TH_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface MonthOfYear {
  /** 1 = October … 12 = September. */
  fiscalMonth: number;
  /** Calendar year (CE) and month (1–12) in Bangkok. */
  year: number;
  month: number;
}

/** The twelve months of a fiscal year (named by its BE year, ending in September). */
export function monthsOf(fiscalYear: number): MonthOfYear[] {
  const endYear = fiscalYear - BE_OFFSET;
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 9) % 12) + 1;
    return { fiscalMonth: i + 1, year: month >= 10 ? endYear - 1 : endYear, month };
  });
}

/** 1 = October … 12 = September, from a calendar month. */
export function fiscalMonthOf(month: number): number {
  return ((month + 2) % 12) + 1;
}

/** Which period (1-based) of its kind a fiscal month falls in. */
export function partOf(period: Period, fiscalMonth: number): number {
  return Math.ceil(fiscalMonth / PERIOD_MONTHS[period]);
}

export function partsOf(period: Period): number {
  return 12 / PERIOD_MONTHS[period];
}

export interface PeriodSpan {
  part: number;
  /** Thai label, e.g. "ต.ค. 2568", "ไตรมาส 1 (ต.ค.–ธ.ค. 2568)". */
  label: string;
  labelEn: string;
  /** First and last calendar day in Bangkok, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  months: MonthOfYear[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const th = (m: MonthOfYear) => `${TH_MONTHS[m.month - 1]} ${m.year + BE_OFFSET}`;
const en = (m: MonthOfYear) => `${EN_MONTHS[m.month - 1]} ${m.year}`;

function range(first: MonthOfYear, last: MonthOfYear, fmt: (m: MonthOfYear) => string, short: (m: MonthOfYear) => string): string {
  if (first.year === last.year) return `${short(first)}–${fmt(last)}`;
  return `${fmt(first)} – ${fmt(last)}`;
}

export function periodSpans(fiscalYear: number, period: Period): PeriodSpan[] {
  const months = monthsOf(fiscalYear);
  const size = PERIOD_MONTHS[period];
  return Array.from({ length: partsOf(period) }, (_, i) => {
    const ms = months.slice(i * size, (i + 1) * size);
    const first = ms[0];
    const last = ms[ms.length - 1];
    const span = {
      part: i + 1,
      from: `${first.year}-${pad(first.month)}-01`,
      to: `${last.year}-${pad(last.month)}-${pad(lastDay(last.year, last.month))}`,
      months: ms,
    };
    const thRange = range(first, last, th, (m) => TH_MONTHS[m.month - 1]);
    const enRange = range(first, last, en, (m) => EN_MONTHS[m.month - 1]);
    switch (period) {
      case 'month':
        return { ...span, label: th(first), labelEn: en(first) };
      case 'quarter':
        return { ...span, label: `ไตรมาส ${i + 1} (${thRange})`, labelEn: `Q${i + 1} (${enRange})` };
      case 'half':
        return {
          ...span,
          label: `${i === 0 ? 'รอบ 6 เดือนแรก' : 'รอบ 6 เดือนหลัง'} (${thRange})`,
          labelEn: `${i === 0 ? 'First' : 'Second'} half (${enRange})`,
        };
      case 'year':
        return { ...span, label: `ปีงบประมาณ ${fiscalYear}`, labelEn: `Fiscal year ${fiscalYear} (${enRange})` };
    }
  });
}
