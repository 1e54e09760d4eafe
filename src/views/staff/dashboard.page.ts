import { fill, type Locale } from '../../common/i18n/i18n';
import { html, SafeHtml } from '../../common/html';
import { formatDateTime } from '../../common/time/thai-calendar';
import type { Dashboard, Headline } from '../../modules/reports/dashboard/dashboard.service';
import type { BreakdownEntryDto } from '../../modules/reports/dto/summary.dto';
import { href } from '../layout';
import { groupedBars } from '../charts/grouped-bars';
import { horizontalBars } from '../charts/horizontal-bars';
import { dashboardMessages, DashboardMessages } from './dashboard.messages';
import { queueHref, StaffPageBody } from './staff-page';

export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const RECEIVED = '#0b5394';
const RESOLVED = '#1e6b34';

const pct = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)} %`);

/** The report files, at the console's own address (the page's session, not an API token). */
export function reportHref(format: ReportFormat, locale: Locale): string {
  return href({ locale }, '/staff/dashboard/report', { format });
}

function figures(m: DashboardMessages, n: Intl.NumberFormat, h: Headline, testId: string, overdue?: SafeHtml): SafeHtml {
  const s = h.satisfaction;
  // Seed 004's target: at least 80 % of complainants satisfied.
  const below = s.satisfiedPct !== null && s.satisfiedPct < s.targetPct;
  return html`<dl class="figures" data-testid="${testId}">
  <div><dt>${m.received}</dt><dd data-figure="received">${n.format(h.received)}</dd></div>
  <div><dt>${m.resolved}</dt><dd data-figure="resolved">${n.format(h.resolved)}</dd></div>
  <div><dt>${m.withinDeadline}</dt><dd data-figure="withinDeadlinePct">${pct(h.withinDeadlinePct)}</dd></div>
  ${overdue ?? ''}
  <div${below ? html` class="alert-figure"` : ''}><dt>${m.satisfaction}</dt><dd data-figure="satisfiedPct">${
    s.responses
      ? html`${pct(s.satisfiedPct)} <small>${fill(m.satisfactionOf, { n: n.format(s.responses) })}</small>${
          below ? html`<small>${fill(m.belowTarget, { pct: String(s.targetPct) })}</small>` : ''
        }`
      : html`<small>${m.noRatings}</small>`
  }</dd></div>
</dl>`;
}

function breakdownChart(
  id: string,
  title: string,
  m: DashboardMessages,
  entries: BreakdownEntryDto[],
  locale: Locale,
  filter: (key: string) => Record<string, string>,
): SafeHtml {
  if (!entries.length) return html`<p>${m.nothingYet}</p>`;
  return horizontalBars({
    id,
    title,
    series: [
      { name: m.received, colour: RECEIVED },
      { name: m.resolved, colour: RESOLVED },
    ],
    rows: entries.map((e) => ({
      label: locale === 'en' ? e.labelEn : e.label,
      values: [e.received, e.resolved],
      href: e.key ? queueHref(filter(e.key), locale) : undefined,
    })),
  });
}

/** This month and the fiscal year so far, with charts that drill into the queue and the report files. */
export function dashboardPage(locale: Locale, d: Dashboard): StaffPageBody {
  const m = dashboardMessages(locale);
  const n = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'th-TH');
  const label = (x: { label: string; labelEn: string }) => (locale === 'en' ? x.labelEn : x.label);
  const overdue = html`<div${d.overdueNow ? html` class="alert-figure"` : ''}><dt>${m.overdueNow}</dt><dd data-figure="overdueNow"><a href="${queueHref(
    { view: 'overdue' },
    locale,
  )}" title="${m.overdueNowHint}">${n.format(d.overdueNow)}</a></dd></div>`;
  return {
    title: m.title,
    main: html`<h1>${m.title}</h1>
<p class="note" data-testid="as-of">${fill(m.asOf, { at: formatDateTime(new Date(d.asOf), locale) })}</p>
<section aria-labelledby="month-title">
  <h2 id="month-title">${fill(m.thisMonth, { label: label(d.month) })}</h2>
  ${figures(m, n, d.month, 'this-month', overdue)}
</section>
<section aria-labelledby="year-title">
  <h2 id="year-title">${fill(m.yearSoFar, { year: String(d.fiscalYear) })}</h2>
  ${figures(m, n, d.year, 'year-so-far')}
</section>
<section class="reports" aria-labelledby="reports-title">
  <h2 id="reports-title">${m.reports}</h2>
  <p>${fill(m.reportsHint, { year: String(d.fiscalYear) })}</p>
  <p class="actions">${REPORT_FORMATS.map(
    (f) => html`<a class="button${f === 'xlsx' ? ' primary' : ''}" href="${reportHref(f, locale)}" download>${m[f]}</a> `,
  )}</p>
</section>
<section aria-labelledby="months-title">
  <h2 id="months-title">${m.byMonth}</h2>
  <figure class="chart-box">${groupedBars({
    id: 'months-chart',
    // Narrower than the public page's: the labels stay readable when a phone scales it down.
    width: 480,
    height: 260,
    title: m.byMonth,
    labels: d.months.map((mo) => label(mo).split(' ')[0]),
    series: [
      { name: m.received, colour: RECEIVED, values: d.months.map((mo) => mo.received) },
      { name: m.resolved, colour: RESOLVED, values: d.months.map((mo) => mo.resolved) },
    ],
  })}</figure>
</section>
<div class="columns">
<section aria-labelledby="channels-title">
  <h2 id="channels-title">${m.byChannel}</h2>
  <p class="hint">${m.drillHint}</p>
  ${breakdownChart('channels-chart', m.byChannel, m, d.byChannel, locale, (channel) => ({ channel }))}
</section>
<section aria-labelledby="departments-title">
  <h2 id="departments-title">${m.byDepartment}</h2>
  <p class="hint">${m.drillHint}</p>
  ${breakdownChart('departments-chart', m.byDepartment, m, d.byDepartment, locale, (departmentId) => ({ departmentId }))}
</section>
</div>`,
  };
}
