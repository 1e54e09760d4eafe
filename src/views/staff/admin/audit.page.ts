import { html } from '../../../common/html';
import { formatDateTime } from '../../../common/time/thai-calendar';
import { AUDIT_ACTIONS } from '../../../modules/audit/audit.types';
import type { AuditItemDto } from '../../../modules/audit/dto/audit.dto';
import { FormErrors, FormValues, textField } from '../../form-fields';
import type { StaffPageBody } from '../staff-page';
import { FormContext, pager, selectField } from './admin-fields';
import { adminMessages } from './admin.messages';

export const AUDIT_PATH = '/staff/admin/audit';
/** The filters of the page, as its query names them (dates are Bangkok days). */
export const AUDIT_FILTERS = ['action', 'actorId', 'caseId', 'from', 'to'] as const;

export interface AuditView {
  items: AuditItemDto[];
  nextCursor: string | null;
  /** Display names by user id, for the actor and the user concerned. */
  names: Map<string, string>;
  /** Everyone who can be an actor, for the filter. */
  people: Array<{ id: string; displayName: string }>;
}

const compact = (details: Record<string, unknown> | null) =>
  details ? Object.entries(details).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('; ') : '';

/** The audit log, newest first, filtered by action, actor, case and days, a page at a time. */
export function auditPage(ctx: FormContext, view: AuditView, filters: FormValues, o: { errors?: FormErrors; paged?: boolean } = {}): StaffPageBody {
  const m = adminMessages(ctx.locale);
  const a = m.audit;
  const errors = o.errors ?? {};
  const common = { values: filters, errors, requiredLabel: m.required };
  const who = (id: string | null) => (id ? view.names.get(id) ?? id.slice(0, 8) : a.system);
  const kept = Object.fromEntries(AUDIT_FILTERS.flatMap((f) => (filters[f] ? [[f, filters[f] as string]] : [])));
  return {
    title: a.title,
    main: html`<h1 id="page-title">${a.title}</h1>
<p>${a.intro}</p>
<form method="get" action="${AUDIT_PATH}" class="filters" novalidate>
  ${ctx.locale !== 'th' ? html`<input type="hidden" name="lang" value="${ctx.locale}">` : ''}
  ${selectField({ name: 'action', label: a.action, values: filters, errors, blank: a.anyAction, options: AUDIT_ACTIONS.map((x) => ({ value: x, label: a.actions[x] })) })}
  ${selectField({ name: 'actorId', label: a.actor, values: filters, errors, blank: a.anyActor, options: view.people.map((p) => ({ value: p.id, label: p.displayName })) })}
  ${textField({ ...common, name: 'caseId', label: a.caseId, maxlength: 36 })}
  ${textField({ ...common, name: 'from', label: a.from, type: 'date' })}
  ${textField({ ...common, name: 'to', label: a.to, type: 'date' })}
  <button type="submit" class="button">${a.filter}</button>
</form>
${
  view.items.length
    ? html`<div class="table-scroll" role="region" tabindex="0" aria-labelledby="page-title"><table class="list audit">
  <thead><tr><th scope="col">${a.at}</th><th scope="col">${a.action}</th><th scope="col">${a.actor}</th><th scope="col">${a.subject}</th><th scope="col">${a.case}</th><th scope="col">${a.reason}</th><th scope="col">${a.details}</th></tr></thead>
  <tbody>${view.items.map(
    (i) => html`<tr><td>${formatDateTime(new Date(i.at), ctx.locale)}</td><td>${a.actions[i.action] ?? i.action}</td><td>${who(i.actorId)}</td>
    <td>${i.subjectUserId ? who(i.subjectUserId) : m.none}</td><td>${i.caseId ? html`<code title="${i.caseId}">${i.caseId.slice(0, 8)}</code>` : m.none}</td>
    <td>${i.reason ?? m.none}</td><td class="details">${compact(i.details)}</td></tr>`,
  )}</tbody>
</table></div>`
    : html`<p>${m.empty}</p>`
}
${pager(ctx, AUDIT_PATH, kept, view.nextCursor, Boolean(o.paged))}`,
  };
}

/** Bangkok days of the filter as the API's instants: `to` is inclusive, so it ends at the next midnight. */
export function auditQueryFrom(filters: FormValues): Record<string, unknown> {
  const day = (d: string | undefined) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined);
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const from = day(filters.from);
  const to = day(filters.to);
  return {
    action: filters.action || undefined,
    actorId: filters.actorId || undefined,
    caseId: filters.caseId?.trim() || undefined,
    from: from ? `${from}T00:00:00+07:00` : filters.from || undefined,
    to: to ? `${nextDay(to)}T00:00:00+07:00` : filters.to || undefined,
    cursor: filters.cursor || undefined,
  };
}
