import { fill } from '../../common/i18n/i18n';
import { html, SafeHtml } from '../../common/html';
import { formatDateTime } from '../../common/time/thai-calendar';
import type { PublicKindFigures, PublicStatistics } from '../../modules/reports/public/public-statistics.service';
import { groupedBars } from '../charts/grouped-bars';
import { layout, PageContext } from '../layout';
import { statisticsMessages, StatisticsMessages } from './statistics.messages';

const num = (locale: string) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'th-TH');
const pctText = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)} %`);

function kindSection(ctx: PageContext, m: StatisticsMessages, id: string, title: string, k: PublicKindFigures): SafeHtml {
  const n = num(ctx.locale);
  const labels = k.months.map((mo) => (ctx.locale === 'en' ? mo.labelEn : mo.label));
  const short = labels.map((l) => l.split(' ')[0]);
  return html`<section class="stats" aria-labelledby="${id}-title" data-testid="${id}">
  <h2 id="${id}-title">${title}</h2>
  <dl class="figures">
    <div><dt>${m.received}</dt><dd data-figure="received">${n.format(k.received)}</dd></div>
    <div><dt>${m.completed}</dt><dd data-figure="completed">${n.format(k.completed)}</dd></div>
    <div><dt>${m.inProgress}</dt><dd data-figure="inProgress">${n.format(k.inProgress)}</dd></div>
    <div><dt>${m.withinDeadline}</dt><dd data-figure="withinDeadlinePct">${pctText(k.withinDeadlinePct)}</dd></div>
  </dl>
  <figure>
    ${groupedBars({
      id: `${id}-chart`,
      title: `${m.chartTitle} – ${title}`,
      labels: short,
      series: [
        { name: m.received, colour: '#0b5394', values: k.months.map((mo) => mo.received) },
        { name: m.completed, colour: '#1e6b34', values: k.months.map((mo) => mo.completed) },
      ],
    })}
    <figcaption>${m.chartTitle}</figcaption>
  </figure>
  <div class="table-scroll"><table>
    <thead><tr><th scope="col">${m.month}</th><th scope="col">${m.received}</th><th scope="col">${m.completed}</th><th scope="col">${m.inProgress}</th></tr></thead>
    <tbody>${k.months.map(
      (mo, i) => html`<tr><th scope="row">${labels[i]}</th><td>${n.format(mo.received)}</td><td>${n.format(mo.completed)}</td><td>${n.format(mo.inProgress)}</td></tr>`,
    )}</tbody>
    <tfoot><tr><th scope="row">${m.total}</th><td>${n.format(k.received)}</td><td>${n.format(k.completed)}</td><td>${n.format(k.inProgress)}</td></tr></tfoot>
  </table></div>
</section>`;
}

/** The public figures an organisation links from its website for the ITA (OIT o31). */
export function statisticsPage(ctx: PageContext, stats: PublicStatistics, years: number[]): string {
  const m = statisticsMessages(ctx.locale);
  const n = num(ctx.locale);
  const s = stats.satisfaction;
  const met = s.satisfiedPct !== null && s.satisfiedPct >= s.targetPct;
  return layout(
    ctx,
    `${m.title} ${m.fiscalYear} ${stats.fiscalYear}`,
    html`<h1>${m.title} ${m.fiscalYear} ${stats.fiscalYear}</h1>
<p class="lead">${m.intro}</p>
<form method="get" action="/statistics" class="inline">
  ${ctx.locale !== 'th' ? html`<input type="hidden" name="lang" value="${ctx.locale}">` : ''}
  <label for="fiscalYear">${m.fiscalYear}</label>
  <select id="fiscalYear" name="fiscalYear">${years.map(
    (y) => html`<option value="${y}"${y === stats.fiscalYear ? new SafeHtml(' selected') : ''}>${y}</option>`,
  )}</select>
  <button type="submit" class="button">${m.show}</button>
</form>
<p class="note" data-testid="as-of">${fill(m.asOf, { at: formatDateTime(new Date(stats.asOf), ctx.locale) })}</p>
${kindSection(ctx, m, 'general', m.general, stats.general)}
${kindSection(ctx, m, 'corruption', m.corruption, stats.corruption)}
<section class="stats" aria-labelledby="satisfaction-title" data-testid="satisfaction">
  <h2 id="satisfaction-title">${m.satisfaction}</h2>
  ${
    s.responses === 0
      ? html`<p>${m.noRatings}</p>`
      : html`<dl class="figures">
    <div><dt>${m.responses}</dt><dd>${n.format(s.responses)}</dd></div>
    <div><dt>${m.average}</dt><dd>${s.average?.toFixed(2) ?? '–'}</dd></div>
    <div><dt>${m.satisfied}</dt><dd data-figure="satisfiedPct">${pctText(s.satisfiedPct)}</dd></div>
  </dl>
  <p class="${met ? 'ok' : 'warning'}">${fill(m.target, { pct: String(s.targetPct) })}: ${met ? m.meets : m.below}</p>`
  }
</section>
<h2>${m.definitionsTitle}</h2>
<ul>${m.definitions.map((d) => html`<li>${d}</li>`)}</ul>
<p><a href="/api/v1/public/statistics?fiscalYear=${stats.fiscalYear}">JSON</a></p>`,
  );
}
