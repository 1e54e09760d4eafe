import { fill } from '../../../common/i18n/i18n';
import { html, SafeHtml } from '../../../common/html';
import { bangkokDaysUntil, formatDate } from '../../../common/time/thai-calendar';
import { CASE_STATUSES, CHANNELS, isOpen, QUEUE_SORTS, QUEUE_VIEWS, thaiReferenceNo } from '../../../modules/cases';
import type { CaseStatus, QueueItemDto, QueueView, ViewCount } from '../../../modules/cases';
import { CHANNEL_LABELS } from '../../../modules/reports/report-labels';
import { messagesFor } from '../../../common/i18n/i18n';
import { href } from '../../layout';
import { StaffPageContext, staffLayout } from './staff-layout';
import { staffMessages } from './staff.messages';

export interface QueueFilters {
  view?: QueueView;
  status?: string;
  channel?: string;
  departmentId?: string;
  q?: string;
  sort?: string;
  limit?: string;
  cursor?: string;
}

export interface QueuePageData {
  filters: QueueFilters;
  items: QueueItemDto[];
  nextCursor: string | null;
  viewCounts: Record<QueueView | 'all', ViewCount>;
  departments: Array<{ id: string; name: string }>;
  now: Date;
}

/** The filters as query parameters, without the empty ones; `over` replaces some. */
function queryOf(filters: QueueFilters, over: Partial<QueueFilters> = {}): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...filters, ...over };
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => Boolean(e[1])));
}

export function daysLeftCell(ctx: StaffPageContext, status: CaseStatus, dueAt: Date, now: Date): SafeHtml {
  const m = staffMessages(ctx.locale).queue;
  if (!isOpen(status)) return html`<span class="muted">${m.closedCase}</span>`;
  const days = bangkokDaysUntil(now, dueAt);
  if (dueAt.getTime() <= now.getTime()) {
    return html`<strong class="overdue">${fill(m.overdueBy, { n: String(Math.max(1, -days)) })}</strong>`;
  }
  return days === 0 ? html`<strong class="due-soon">${m.dueToday}</strong>` : html`<span${days <= 3 ? new SafeHtml(' class="due-soon"') : ''}>${fill(m.days, { n: String(days) })}</span>`;
}

export function caseReference(ctx: StaffPageContext, referenceNo: string): string {
  return ctx.locale === 'th' ? thaiReferenceNo(referenceNo) : referenceNo;
}

/** A search that matched more than it counts shows the count it stopped at with a plus: "1,000+". */
export function tabCount(locale: StaffPageContext['locale'], count: ViewCount): string {
  const n = count.n.toLocaleString(locale === 'th' ? 'th-TH' : 'en-GB');
  return count.atLeast ? `${n}+` : n;
}

export function queuePage(ctx: StaffPageContext, v: QueuePageData): string {
  const m = staffMessages(ctx.locale).queue;
  const statusNames = messagesFor(ctx.locale).status;
  const current = v.filters.view ?? 'all';
  const departmentName = new Map(v.departments.map((d) => [d.id, d.name]));
  const tabs = (['all', ...QUEUE_VIEWS] as const).map((view) => {
    const link = href(ctx, '/staff', queryOf(v.filters, { view: view === 'all' ? undefined : view, cursor: undefined }));
    return html`<li><a href="${link}"${view === current ? new SafeHtml(' aria-current="page"') : ''}>${m.views[view]} <span class="count">${tabCount(ctx.locale, v.viewCounts[view])}</span></a></li>`;
  });
  const select = (name: keyof QueueFilters, label: string, options: Array<[string, string]>, withAny = true) => html`<div class="field">
    <label for="q-${name}">${label}</label>
    <select id="q-${name}" name="${name}">
      ${withAny ? html`<option value="">${m.any}</option>` : ''}
      ${options.map(([value, text]) => html`<option value="${value}"${v.filters[name] === value ? new SafeHtml(' selected') : ''}>${text}</option>`)}
    </select>
  </div>`;
  const rows = v.items.map((c) => {
    const overdue = c.overdue;
    return html`<tr${overdue ? new SafeHtml(' class="is-overdue"') : ''}>
  <td data-label="${m.reference}"><a href="${href(ctx, `/staff/cases/${c.id}`)}">${caseReference(ctx, c.referenceNo)}</a></td>
  <td data-label="${m.subject}">${c.subject}</td>
  <td data-label="${m.channel}">${CHANNEL_LABELS[c.channel][ctx.locale]}</td>
  <td data-label="${m.department}">${c.departmentId ? (departmentName.get(c.departmentId) ?? '') : html`<span class="muted">—</span>`}</td>
  <td data-label="${m.status}"><span class="status">${statusNames[c.status]}</span></td>
  <td data-label="${m.daysLeft}">${daysLeftCell(ctx, c.status, new Date(c.dueAt), v.now)}<br><small class="muted">${formatDate(new Date(c.dueAt), ctx.locale)}</small></td>
</tr>`;
  });
  return staffLayout(
    ctx,
    m.title,
    html`<h1>${m.title}</h1>
<nav aria-label="${m.title}" class="tabs"><ul>${tabs}</ul></nav>
<details class="filters"${v.filters.q || v.filters.status || v.filters.channel || v.filters.departmentId || v.filters.sort ? new SafeHtml(' open') : ''}>
  <summary>${m.filters}</summary>
  <form method="get" action="/staff" class="filter-form">
    ${ctx.locale === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
    ${v.filters.view ? html`<input type="hidden" name="view" value="${v.filters.view}">` : ''}
    <div class="field wide">
      <label for="q-q">${m.search}</label>
      <input type="search" id="q-q" name="q" value="${v.filters.q ?? ''}" maxlength="100" aria-describedby="q-q-hint">
      <p class="hint" id="q-q-hint">${m.searchHint}</p>
    </div>
    ${select('status', m.status, CASE_STATUSES.map((s) => [s, statusNames[s]]))}
    ${select('channel', m.channel, CHANNELS.map((c) => [c, CHANNEL_LABELS[c][ctx.locale]]))}
    ${v.departments.length > 1 ? select('departmentId', m.department, v.departments.map((d) => [d.id, d.name])) : ''}
    ${select('sort', m.sort, QUEUE_SORTS.map((s) => [s, m.sorts[s]]), false)}
    <div class="field"><button type="submit" class="button primary">${m.apply}</button></div>
  </form>
</details>
${
  v.items.length
    ? html`<table class="queue">
  <caption class="visually-hidden">${fill(m.caption, { view: m.views[current] })}</caption>
  <thead><tr><th scope="col">${m.reference}</th><th scope="col">${m.subject}</th><th scope="col">${m.channel}</th><th scope="col">${m.department}</th><th scope="col">${m.status}</th><th scope="col">${m.daysLeft}</th></tr></thead>
  <tbody>${rows}</tbody>
</table>`
    : html`<p class="empty">${m.none}</p>`
}
<p class="paging">
  ${v.filters.cursor ? html`<a href="${href(ctx, '/staff', queryOf(v.filters, { cursor: undefined }))}">${m.first}</a>` : ''}
  ${v.nextCursor ? html`<a class="button" rel="next" href="${href(ctx, '/staff', queryOf(v.filters, { cursor: v.nextCursor }))}">${m.next}</a>` : ''}
</p>`,
  );
}
