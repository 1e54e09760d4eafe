import { fiscalMonthOf, monthsOf, partOf, periodSpans } from './report-periods';

describe('fiscal periods', () => {
  it('starts the fiscal year in October of the year before the BE year names', () => {
    const months = monthsOf(2569);
    expect(months[0]).toEqual({ fiscalMonth: 1, year: 2025, month: 10 });
    expect(months[2]).toEqual({ fiscalMonth: 3, year: 2025, month: 12 });
    expect(months[3]).toEqual({ fiscalMonth: 4, year: 2026, month: 1 });
    expect(months[11]).toEqual({ fiscalMonth: 12, year: 2026, month: 9 });
  });

  it('maps calendar months to fiscal months and periods', () => {
    expect([10, 12, 1, 3, 4, 9].map(fiscalMonthOf)).toEqual([1, 3, 4, 6, 7, 12]);
    expect(partOf('quarter', 3)).toBe(1);
    expect(partOf('quarter', 4)).toBe(2);
    expect(partOf('half', 6)).toBe(1);
    expect(partOf('half', 7)).toBe(2);
    expect(partOf('year', 12)).toBe(1);
  });

  it('labels months in Thai with the BE year, and gives inclusive Bangkok dates', () => {
    const months = periodSpans(2569, 'month');
    expect(months).toHaveLength(12);
    expect(months[0]).toMatchObject({ label: 'ต.ค. 2568', labelEn: 'Oct 2025', from: '2025-10-01', to: '2025-10-31' });
    expect(months[4]).toMatchObject({ label: 'ก.พ. 2569', from: '2026-02-01', to: '2026-02-28' });
  });

  it('has 4 quarters, 2 halves and 1 year', () => {
    const q = periodSpans(2569, 'quarter');
    expect(q.map((s) => s.label)).toEqual([
      'ไตรมาส 1 (ต.ค.–ธ.ค. 2568)',
      'ไตรมาส 2 (ม.ค.–มี.ค. 2569)',
      'ไตรมาส 3 (เม.ย.–มิ.ย. 2569)',
      'ไตรมาส 4 (ก.ค.–ก.ย. 2569)',
    ]);
    const h = periodSpans(2569, 'half');
    expect(h.map((s) => [s.from, s.to])).toEqual([
      ['2025-10-01', '2026-03-31'],
      ['2026-04-01', '2026-09-30'],
    ]);
    expect(h[0].label).toBe('รอบ 6 เดือนแรก (ต.ค. 2568 – มี.ค. 2569)');
    const y = periodSpans(2569, 'year');
    expect(y).toEqual([expect.objectContaining({ label: 'ปีงบประมาณ 2569', from: '2025-10-01', to: '2026-09-30' })]);
  });
});
