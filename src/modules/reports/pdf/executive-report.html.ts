import { html, SafeHtml } from '../../../common/html';
import { formatDateTime } from '../../../common/time/thai-calendar';
import { groupedBars } from '../../../views/charts/grouped-bars';
import type { BreakdownEntryDto, SummaryDto, SummaryRowDto } from '../dto/summary.dto';
import { KIND_LABELS } from '../report-labels';
import type { ReportNote } from '../notes/report-notes.repository';
import { sarabunFontFaces } from './sarabun';

export interface ExecutiveReportInput {
  organisation: string;
  /** What the report covers: "ปีงบประมาณ 2569", "รอบ 6 เดือนแรก (…)". */
  periodLabel: string;
  /** The covered span's figures. */
  figures: SummaryRowDto;
  /** The covered months, for the chart. */
  months: SummaryRowDto[];
  /** The rows of the chosen period kind within the span (for the table). */
  rows: SummaryRowDto[];
  summary: SummaryDto;
  departmentName: string | null;
  notes: Array<{ label: string; note: ReportNote }>;
}

const n = new Intl.NumberFormat('th-TH');
const pct = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)}%`);
const days = (v: number | null) => (v === null ? '–' : `${v} วัน`);

function top(entries: BreakdownEntryDto[], count = 8): BreakdownEntryDto[] {
  return entries.slice(0, count);
}

function breakdownTable(title: string, entries: BreakdownEntryDto[]): SafeHtml {
  if (!entries.length) return html``;
  return html`<h3>${title}</h3><table><thead><tr><th>รายการ</th><th>รับเรื่อง</th><th>แก้ไขแล้ว</th><th>อยู่ระหว่างดำเนินการ</th><th>เคยเกินกำหนด</th></tr></thead>
<tbody>${top(entries).map((e) => html`<tr><td class="l">${e.label}</td><td>${n.format(e.received)}</td><td>${n.format(e.resolved)}</td><td>${n.format(e.open)}</td><td>${n.format(e.overdue)}</td></tr>`)}</tbody></table>`;
}

/** The executive meeting's report, as one self-contained HTML document for Chromium to print. */
export function executiveReportHtml(d: ExecutiveReportInput): string {
  const f = d.figures;
  const s = f.satisfaction;
  const kinds = d.summary.kind;
  const keyFigures: Array<[string, string]> = [
    ['รับเรื่อง', n.format(f.received)],
    ['แก้ไขแล้ว', n.format(f.resolved)],
    ['อยู่ระหว่างดำเนินการ', n.format(f.open)],
    ['เคยเกินกำหนด 15 วัน', n.format(f.overdue)],
    ['แก้ไขภายในกำหนด (ของที่แก้ไขแล้ว)', pct(f.resolvedWithinDeadlinePct)],
    ['แล้วเสร็จภายใน 15 วัน', pct(f.withinDeadlinePct)],
    ['ระยะเวลาแก้ไขเฉลี่ย / มัธยฐาน', `${days(f.avgDaysToResolve)} / ${days(f.medianDaysToResolve)}`],
    ['ความพึงพอใจ (4–5 คะแนน) เป้าหมาย ≥ 80%', s.responses ? `${pct(s.satisfiedPct)} จาก ${n.format(s.responses)} ราย` : 'ยังไม่มีผู้ประเมิน'],
  ];
  return html`<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>รายงานสรุปผลการดำเนินการเรื่องร้องเรียน ${d.periodLabel}</title>
<style>${new SafeHtml(sarabunFontFaces())}
body { font-family: 'Sarabun', sans-serif; font-size: 14pt; line-height: 1.45; color: #111; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; text-align: center; }
h2 { font-size: 16pt; margin: 7mm 0 2mm; border-bottom: 1px solid #888; break-after: avoid; }
h3 { break-after: avoid; }
h3 { font-size: 14pt; margin: 4mm 0 1mm; }
.org { text-align: center; font-size: 16pt; font-weight: 700; }
.sub { text-align: center; margin-bottom: 5mm; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; page-break-inside: avoid; }
th, td { border: 1px solid #999; padding: 1mm 2mm; text-align: right; }
th { background: #eef2f6; text-align: center; }
td.l, th.l { text-align: left; white-space: nowrap; }
.figures td:first-child { text-align: left; width: 65%; }
svg.chart { width: 100%; height: auto; }
.note { white-space: pre-wrap; text-align: justify; }
.foot { margin-top: 8mm; font-size: 11pt; color: #444; }
</style></head>
<body>
<div class="org">${d.organisation}</div>
<h1>รายงานสรุปผลการดำเนินการ${KIND_LABELS[kinds].th}</h1>
<div class="sub">${d.periodLabel}${d.departmentName ? html` · ${d.departmentName}` : ''}</div>

<h2>ตัวเลขสำคัญ</h2>
<table class="figures"><tbody>${keyFigures.map(([k, v]) => html`<tr><td>${k}</td><td>${v}</td></tr>`)}</tbody></table>

<h2>จำนวนเรื่องที่รับและที่แก้ไขแล้ว รายเดือน</h2>
${groupedBars({
  title: 'จำนวนเรื่องที่รับและที่แก้ไขแล้ว รายเดือน',
  labels: d.months.map((m) => m.label.split(' ')[0]),
  series: [
    { name: 'รับเรื่อง', colour: '#0b5394', values: d.months.map((m) => m.received) },
    { name: 'แก้ไขแล้ว', colour: '#6aa84f', values: d.months.map((m) => m.resolved) },
  ],
  height: 260,
})}

<h2>ผลการดำเนินการตามช่วงเวลา</h2>
<table><thead><tr><th class="l">ช่วงเวลา</th><th>รับเรื่อง</th><th>แก้ไขแล้ว</th><th>ภายในกำหนด</th><th>อยู่ระหว่างดำเนินการ</th><th>เคยเกินกำหนด</th><th>ไม่รับพิจารณา/ส่งต่อ/ถอน</th></tr></thead>
<tbody>${d.rows.map(
  (r) => html`<tr><td class="l">${r.label}</td><td>${n.format(r.received)}</td><td>${n.format(r.resolved)}</td><td>${n.format(r.resolvedWithinDeadline)}</td><td>${n.format(r.open)}</td><td>${n.format(r.overdue)}</td><td>${n.format(r.rejected + r.referred + r.withdrawn)}</td></tr>`,
)}</tbody></table>

${breakdownTable('ตามหมวดเรื่อง', f.byCategory)}
${breakdownTable('ตามหน่วยงาน', f.byDepartment)}
${breakdownTable('ตามช่องทาง', f.byChannel)}

<h2>ปัญหา อุปสรรค และแนวทางแก้ไข</h2>
${
  d.notes.length
    ? d.notes.map(
        ({ label, note }) => html`<h3>${label}</h3>
<p><strong>ปัญหา:</strong></p><p class="note">${note.problems || '–'}</p>
<p><strong>อุปสรรค:</strong></p><p class="note">${note.obstacles || '–'}</p>
<p><strong>แนวทางแก้ไข:</strong></p><p class="note">${note.solutions || '–'}</p>`,
      )
    : html`<p>–</p>`
}
<p class="foot">ข้อมูล ณ ${formatDateTime(new Date(d.summary.asOf), 'th')} · นับเรื่องตามเดือนที่รับเรื่อง สถานะ ณ วันที่ออกรายงาน</p>
</body></html>`.value;
}
