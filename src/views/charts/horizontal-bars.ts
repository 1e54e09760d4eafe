import { html, SafeHtml } from '../../common/html';
import type { BarSeries } from './grouped-bars';
import { fmt } from './grouped-bars';

export interface BarRow {
  label: string;
  values: number[];
  /** Where a click on the row leads (the matching queue); none for a row with nowhere to go. */
  href?: string;
}

export interface HorizontalBarsInput {
  /** Prefix of the chart's element ids: unique on its page. */
  id: string;
  title: string;
  rows: BarRow[];
  series: Array<Omit<BarSeries, 'values'>>;
  width?: number;
}

const ROW_LABEL = 18;
const BAR = 12;
const GAP = 10;

/**
 * One row per entry, its label above its bars, so that a long Thai name
 * keeps the whole width and stays readable when a phone scales the chart
 * down. A row with an `href` is a link: a click drills into the queue.
 */
export function horizontalBars({ id, title, rows, series, width = 360 }: HorizontalBarsInput): SafeHtml {
  const left = 4;
  const numberRoom = 48;
  const plotW = width - left - numberRoom;
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const rowH = ROW_LABEL + series.length * (BAR + 2) + GAP;
  const legendH = 24;
  const height = rows.length * rowH + legendH + 4;
  const bars = (r: BarRow, top: number) =>
    series.map((s, j) => {
      const v = r.values[j] ?? 0;
      const y = top + ROW_LABEL + j * (BAR + 2);
      const w = (v / max) * plotW;
      return html`<rect x="${left}" y="${y}" width="${Math.max(v ? 1 : 0, w).toFixed(1)}" height="${BAR}" fill="${s.colour}"/>
<text x="${(left + w + 4).toFixed(1)}" y="${y + BAR - 2}" fill="#1b1f24" aria-hidden="true">${fmt.format(v)}</text>`;
    });
  const spoken = (r: BarRow) => `${r.label}: ${series.map((s, j) => `${s.name} ${fmt.format(r.values[j] ?? 0)}`).join(', ')}`;
  return html`<svg class="chart bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="group" aria-labelledby="${id}-title" aria-describedby="${id}-desc" font-family="Sarabun, 'Noto Sans Thai', Tahoma, sans-serif" font-size="13">
<title id="${id}-title">${title}</title>
<desc id="${id}-desc">${rows.map(spoken).join('; ')}</desc>
${rows.map((r, i) => {
  const top = i * rowH;
  const body = html`<text x="${left}" y="${top + 13}" fill="#1b1f24"${r.href ? new SafeHtml(' text-decoration="underline"') : ''}>${r.label}</text>${bars(r, top)}`;
  return r.href
    ? // A link is named by its visible label alone (the figures are in the description), as speech input expects.
      html`<a href="${r.href}">${body}</a>`
    : html`<g aria-hidden="true">${body}</g>`;
})}
<g aria-hidden="true">${series.map(
  (s, j) => html`<rect x="${left + j * 120}" y="${height - 18}" width="12" height="12" fill="${s.colour}"/>
<text x="${left + j * 120 + 18}" y="${height - 8}" fill="#1b1f24">${s.name}</text>`,
)}</g>
</svg>`;
}
