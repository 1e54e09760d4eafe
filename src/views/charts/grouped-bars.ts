import { html, SafeHtml } from '../../common/html';

export interface BarSeries {
  name: string;
  /** A colour that reads on white and in greyscale print (with the pattern of its position). */
  colour: string;
  values: number[];
}

export interface GroupedBarsInput {
  /** Prefix of the chart's element ids: unique on its page, since a page may hold several charts. */
  id?: string;
  title: string;
  labels: string[];
  series: BarSeries[];
  width?: number;
  height?: number;
}

/** 0, 1, 2, 5, 10, 20, 50 … : a round step that gives at most five gridlines. */
export function niceStep(max: number): number {
  if (max <= 5) return 1;
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const unit = [1, 2, 5, 10].find((u) => u * magnitude >= raw) ?? 10;
  return unit * magnitude;
}

export const fmt = new Intl.NumberFormat('th-TH');

/**
 * A grouped bar chart as inline SVG, drawn on the server: no script, no
 * third-party origin, printable, and readable by a screen reader through
 * its title and description (the page also has the figures as a table).
 */
export function groupedBars({ id = 'chart', title, labels, series, width = 720, height = 300 }: GroupedBarsInput): SafeHtml {
  const margin = { top: 28, right: 12, bottom: 54, left: 52 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const y = (v: number) => margin.top + plotH - (v / top) * plotH;
  const groupW = plotW / Math.max(1, labels.length);
  const barW = Math.max(2, (groupW * 0.8) / Math.max(1, series.length));
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const desc = labels
    .map((l, i) => `${l}: ${series.map((s) => `${s.name} ${fmt.format(s.values[i] ?? 0)}`).join(', ')}`)
    .join('; ');
  return html`<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="Sarabun, 'Noto Sans Thai', Tahoma, sans-serif" font-size="12">
<title id="${id}-title">${title}</title>
<desc id="${id}-desc">${desc}</desc>
${ticks.map(
  (t) => html`<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(t)}" y2="${y(t)}" stroke="#d0d5da" stroke-width="1"/>
<text x="${margin.left - 6}" y="${y(t) + 4}" text-anchor="end" fill="#555d66">${fmt.format(t)}</text>`,
)}
${labels.map((label, i) => {
  const x0 = margin.left + i * groupW + (groupW - barW * series.length) / 2;
  return html`<g>${series.map((s, j) => {
    const v = s.values[i] ?? 0;
    return html`<rect x="${(x0 + j * barW).toFixed(1)}" y="${y(v).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${(margin.top + plotH - y(v)).toFixed(1)}" fill="${s.colour}"><title>${label} ${s.name}: ${fmt.format(v)}</title></rect>`;
  })}<text x="${(margin.left + i * groupW + groupW / 2).toFixed(1)}" y="${height - margin.bottom + 16}" text-anchor="middle" fill="#1b1f24">${label}</text></g>`;
})}
${series.map(
  (s, j) => html`<rect x="${margin.left + j * 150}" y="${height - 20}" width="12" height="12" fill="${s.colour}"/>
<text x="${margin.left + j * 150 + 18}" y="${height - 10}" fill="#1b1f24">${s.name}</text>`,
)}
</svg>`;
}
