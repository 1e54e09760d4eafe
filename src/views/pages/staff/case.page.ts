import { fill, messagesFor } from '../../../common/i18n/i18n';
import { html, SafeHtml } from '../../../common/html';
import { formatDate, formatDateTime } from '../../../common/time/thai-calendar';
import type { AttachmentView } from '../../../modules/attachments/attachments.repository';
import { actionFields, CORRUPTION_OUTCOMES, isPublicAction } from '../../../modules/cases';
import type { CaseAction, CaseDetail, CaseStatus, InputField } from '../../../modules/cases';
import { CHANNEL_LABELS, KIND_LABELS } from '../../../modules/reports/report-labels';
import type { FormErrors, FormValues } from '../../form-fields';
import { href } from '../../layout';
import { publicTimelineItem } from '../track.page';
import { caseReference, daysLeftCell } from './queue.page';
import type { RevealedIdentityDto } from '../../../modules/whistleblower/reveal/reveal.dto';
import type { ReportDetailsRow } from '../../../modules/whistleblower/whistleblower.repository';
import { formBasics, StaffPageContext, staffLayout } from './staff-layout';
import { staffMessages } from './staff.messages';

export interface AssignableGroup {
  departmentId: string;
  departmentName: { th: string; en: string };
  staff: Array<{ id: string; displayName: string; role: string }>;
}

/** What the complainant would read, rendered as their tracking page does. */
export interface Preview {
  at: Date;
  action: CaseAction;
  status: CaseStatus;
  message: string | null;
  expectedAt: Date | null;
  agency: string | null;
  department: { name: string; nameEn: string } | null;
  emailed: boolean;
}

export interface CasePageData {
  detail: CaseDetail;
  attachments: AttachmentView[];
  mayDownload: boolean;
  departments: Array<{ id: string; nameTh: string; nameEn: string }>;
  assignable: AssignableGroup[];
  now: Date;
  /** The action form that came back: with what was typed, its errors, or a preview. */
  form?: { action: CaseAction; values: FormValues; errors: FormErrors; preview?: Preview };
  /** An online whistleblower report's own fields (integrity officer only). */
  report?: ReportDetailsRow | null;
  /** The reveal form: what was typed, its error, or what it revealed. */
  reveal?: { reason?: string; error?: string; revealed?: RevealedIdentityDto };
  notice?: { text: string; kind: 'ok' | 'warning' };
}

export function casePage(ctx: StaffPageContext, d: CasePageData): string {
  const sm = staffMessages(ctx.locale);
  const m = sm.case;
  const statusNames = messagesFor(ctx.locale).status;
  const c = d.detail;
  const deptName = (id: string | null) => {
    const found = d.departments.find((x) => x.id === id);
    return found ? (ctx.locale === 'en' ? found.nameEn : found.nameTh) : '';
  };
  const title = `${caseReference(ctx, c.referenceNo)} ${c.subject}`;
  const fact = (label: string, value: SafeHtml | string | null | undefined) =>
    value ? html`<dt>${label}</dt><dd>${value}</dd>` : '';
  const complainant = c.complainant.anonymous
    ? html`<p>${m.anonymous}</p>`
    : c.complainant.name === undefined
      ? html`<p class="muted">${c.kind === 'corruption' ? m.identityInVault : m.contactHidden}</p>`
      : html`<dl class="facts">
    ${fact(messagesFor(ctx.locale).form.name, c.complainant.name)}
    ${fact(messagesFor(ctx.locale).form.phone, c.complainant.phone ? html`<a href="tel:${c.complainant.phone}">${c.complainant.phone}</a>` : null)}
    ${fact(messagesFor(ctx.locale).form.email, c.complainant.email)}
    ${fact(messagesFor(ctx.locale).form.address, c.complainant.address)}
  </dl>`;
  return staffLayout(
    ctx,
    title,
    html`<p class="back"><a href="${href(ctx, '/staff')}">← ${sm.queue.title}</a></p>
<h1><span class="ref">${caseReference(ctx, c.referenceNo)}</span> ${c.subject}</h1>
<p class="case-status"><span class="status">${statusNames[c.status]}</span> ${daysLeftCell(ctx, c.status, c.dueAt, d.now)}
  ${c.allowedActions.length ? html`<a class="to-actions" href="#h-actions">${m.toActions}</a>` : ''}</p>
${d.notice ? html`<p class="${d.notice.kind}" role="status">${d.notice.text}</p>` : ''}
<div class="case-layout">
<div>
  <section aria-labelledby="h-details">
    <h2 id="h-details">${m.details}</h2>
    <dl class="facts">
      ${fact(m.kind, KIND_LABELS[c.kind][ctx.locale])}
      ${fact(m.channel, CHANNEL_LABELS[c.channel][ctx.locale])}
      ${fact(m.category, c.category?.name)}
      ${fact(m.location, c.location)}
      ${fact(m.receivedAt, formatDateTime(c.receivedAt, ctx.locale))}
      ${fact(m.dueAt, formatDate(c.dueAt, ctx.locale))}
      ${fact(m.expectedAt, c.expectedAt ? formatDate(c.expectedAt, ctx.locale) : null)}
      ${fact(m.department, c.department ? deptName(c.department.id) || c.department.name : '—')}
      ${fact(m.assignee, c.assignee?.name)}
      ${fact(m.sharedWith, c.sharedWith.length ? c.sharedWith.map((s) => deptName(s.id) || s.name).join(', ') : null)}
      ${fact(m.referredTo, c.referredTo)}
      ${c.letterNo || c.letterDate ? fact(m.channel, fill(m.letter, { no: c.letterNo ?? '—', date: c.letterDate ?? '—' })) : ''}
    </dl>
    <h3>${m.description}</h3>
    <p class="description">${c.description}</p>
    <h3>${m.complainant}</h3>
    ${complainant}
  </section>
  ${ctx.staff?.role === 'integrity' && c.kind === 'corruption' ? whistleblowerSection(ctx, d) : ''}
  <section aria-labelledby="h-attachments">
    <h2 id="h-attachments">${m.attachments}</h2>
    ${
      d.attachments.length
        ? html`<ul class="attachments">${d.attachments.map(
            (a) =>
              html`<li>${d.mayDownload ? html`<a href="${`/staff/cases/${c.id}/attachments/${a.id}`}" download>${a.fileName}</a>` : a.fileName}
              <small class="muted">(${Math.ceil(a.sizeBytes / 1024)} KB)</small></li>`,
          )}</ul>`
        : html`<p class="muted">${m.noAttachments}</p>`
    }
  </section>
  <section aria-labelledby="h-timeline">
    <h2 id="h-timeline">${m.timeline}</h2>
    <ol class="timeline staff-timeline">${[...c.timeline].reverse().map(
      (e) => html`<li class="${e.public ? 'public' : 'internal'}">
      <time datetime="${e.at.toISOString()}">${formatDateTime(e.at, ctx.locale)}</time>
      <strong>${sm.actions[e.action as CaseAction] ?? sm.events[e.action] ?? e.action}</strong>
      <span class="badge ${e.public ? 'badge-public' : 'badge-internal'}">${e.public ? m.public : m.internal}</span>
      ${e.fromStatus !== e.toStatus && e.toStatus ? html`<span class="muted">${e.fromStatus ? `${statusNames[e.fromStatus as CaseStatus]} → ` : ''}${statusNames[e.toStatus as CaseStatus]}</span>` : ''}
      <p class="muted">${e.actor ? `${e.actor.name ?? ''} (${sm.roles[e.actor.role as keyof typeof sm.roles] ?? e.actor.role})` : m.system}</p>
      ${e.message ? html`<p class="message">${e.message}</p>` : ''}
      ${e.departmentId ? html`<p>${m.department}: ${deptName(e.departmentId)}</p>` : ''}
      ${e.expectedAt ? html`<p>${m.expectedAt}: ${formatDate(e.expectedAt, ctx.locale)}</p>` : ''}
      ${e.agency ? html`<p>${m.referredTo}: ${e.agency}</p>` : ''}
    </li>`,
    )}</ol>
  </section>
</div>
<section aria-labelledby="h-actions" class="actions-panel">
  <h2 id="h-actions">${m.actions}</h2>
  ${c.allowedActions.length ? c.allowedActions.map((a) => actionForm(ctx, d, a)) : html`<p class="muted">${m.noActions}</p>`}
</section>
</div>
<script src="/assets/staff.js" defer></script>`,
  );
}

function actionForm(ctx: StaffPageContext, d: CasePageData, action: CaseAction): SafeHtml {
  const sm = staffMessages(ctx.locale);
  const m = sm.case;
  const mine = d.form?.action === action ? d.form : undefined;
  const values = mine?.values ?? {};
  const errors = mine?.errors ?? {};
  const { required, optional } = actionFields(action);
  const fields = [...required, ...optional].sort((a, b) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b));
  const id = (field: string) => `a-${action}-${field}`;
  const wrap = (field: InputField, label: string, control: SafeHtml) => {
    const error = errors[field];
    return html`<div class="field${error ? ' has-error' : ''}">
      <label for="${id(field)}">${label}${required.includes(field) ? html` <abbr title="*">*</abbr>` : ''}</label>
      ${error ? html`<p class="error" id="${id(field)}-error">${error}</p>` : ''}
      ${control}
    </div>`;
  };
  const attrs = (field: InputField) =>
    new SafeHtml(
      ` id="${id(field)}" name="${field}"${required.includes(field) ? ' required' : ''}${
        errors[field] ? ` aria-invalid="true" aria-describedby="${id(field)}-error"` : ''
      }`,
    );
  const control: Record<InputField, () => SafeHtml> = {
    message: () =>
      wrap('message', isPublicAction(action) ? m.publicMessage : m.internalMessage, html`<textarea${attrs('message')} rows="4" maxlength="5000">${values.message ?? ''}</textarea>`),
    departmentId: () =>
      wrap(
        'departmentId',
        m.chooseDepartment,
        html`<select${attrs('departmentId')}><option value="">—</option>${d.departments.map(
          (x) => html`<option value="${x.id}"${values.departmentId === x.id ? new SafeHtml(' selected') : ''}>${ctx.locale === 'en' ? x.nameEn : x.nameTh}</option>`,
        )}</select>`,
      ),
    assigneeId: () =>
      d.assignable.length
        ? wrap(
            'assigneeId',
            m.officer,
            html`<select${attrs('assigneeId')} data-officers-for="${id('departmentId')}"><option value="">${m.anyOfficer}</option>${d.assignable.map(
              (g) => html`<optgroup label="${g.departmentName[ctx.locale]}" data-department="${g.departmentId}">${g.staff.map(
                (s) => html`<option value="${s.id}"${values.assigneeId === s.id ? new SafeHtml(' selected') : ''}>${s.displayName} (${sm.roles[s.role as keyof typeof sm.roles] ?? s.role})</option>`,
              )}</optgroup>`,
            )}</select>`,
          )
        : html``,
    expectedAt: () => wrap('expectedAt', m.expectedDate, html`<input type="date"${attrs('expectedAt')} value="${values.expectedAt ?? ''}">`),
    agency: () => wrap('agency', m.agency, html`<input type="text"${attrs('agency')} maxlength="300" value="${values.agency ?? ''}">`),
    outcome: () =>
      wrap(
        'outcome',
        sm.outcome,
        html`<select${attrs('outcome')}><option value="">—</option>${CORRUPTION_OUTCOMES.map(
          (o) => html`<option value="${o}"${values.outcome === o ? new SafeHtml(' selected') : ''}>${sm.outcomes[o]}</option>`,
        )}</select>`,
      ),
    targetCaseId: () => wrap('targetCaseId', m.targetCase, html`<input type="text"${attrs('targetCaseId')} maxlength="40" value="${values.targetCaseId ?? ''}" autocomplete="off">`),
  };
  const previewable = isPublicAction(action) && fields.includes('message');
  return html`<details class="action" id="action-${action}"${mine ? new SafeHtml(' open') : ''}>
  <summary>${sm.actions[action]}</summary>
  <form method="post" action="/staff/cases/${d.detail.id}" novalidate>
    ${formBasics(ctx)}
    <input type="hidden" name="action" value="${action}">
    ${fields.map((f) => control[f]())}
    ${mine?.preview ? previewBox(ctx, mine.preview) : ''}
    <div class="buttons">
      <button type="submit" class="button primary">${sm.actions[action]}</button>
      ${previewable ? html`<button type="submit" class="button" name="preview" value="1" formnovalidate>${m.preview}</button>` : ''}
    </div>
  </form>
</details>`;
}

const FIELD_ORDER: InputField[] = ['departmentId', 'assigneeId', 'targetCaseId', 'outcome', 'agency', 'expectedAt', 'message'];

function previewBox(ctx: StaffPageContext, p: Preview): SafeHtml {
  const m = staffMessages(ctx.locale).case;
  return html`<div class="preview" role="region" aria-label="${m.previewTitle}" tabindex="-1" autofocus>
    <h3>${m.previewTitle}</h3>
    <ol class="timeline">${publicTimelineItem(ctx, { ...p, status: p.status })}</ol>
    <p class="hint">${p.emailed ? m.emailed : m.previewNone}</p>
  </div>`;
}

const CONVERSATION = ['whistleblower_message', 'message'];

/** The integrity officer's part: the report's own fields, the messages both ways, and the reveal-with-reason form. */
function whistleblowerSection(ctx: StaffPageContext, d: CasePageData): SafeHtml {
  const w = staffMessages(ctx.locale).whistle;
  const r = d.report;
  const messages = d.detail.timeline.filter((e) => CONVERSATION.includes(e.action));
  const revealed = d.reveal?.revealed;
  const error = d.reveal?.error;
  return html`<section aria-labelledby="h-whistle" class="whistle">
  <h2 id="h-whistle">${w.title}</h2>
  ${
    r
      ? html`<dl class="facts">
    ${r.accusedName ? html`<dt>${w.accused}</dt><dd>${r.accusedName}</dd>` : ''}
    ${r.accusedPosition ? html`<dt>${w.position}</dt><dd>${r.accusedPosition}</dd>` : ''}
    ${r.accusedDepartment ? html`<dt>${w.unit}</dt><dd>${r.accusedDepartment}</dd>` : ''}
    ${r.incidentDate ? html`<dt>${w.incidentDate}</dt><dd>${formatDate(new Date(`${r.incidentDate}T12:00:00+07:00`), ctx.locale)}</dd>` : ''}
  </dl>`
      : ''
  }
  <h3>${w.messages}</h3>
  ${
    messages.length
      ? html`<ol class="conversation">${messages.map(
          (e) => html`<li class="${e.action === 'message' ? 'from-officer' : 'from-reporter'}">
        <p class="muted"><strong>${e.action === 'message' ? `${w.fromOfficer}${e.actor?.name ? ` (${e.actor.name})` : ''}` : w.fromReporter}</strong>
        · <time datetime="${e.at.toISOString()}">${formatDateTime(e.at, ctx.locale)}</time></p>
        <p class="message">${e.message ?? ''}</p></li>`,
        )}</ol>`
      : html`<p class="muted">${w.noMessages}</p>`
  }
  <p class="hint">${w.replyHint}</p>
  ${
    revealed
      ? html`<div class="revealed" role="status"><h3>${w.revealed}</h3><dl class="facts">
      <dt>${w.name}</dt><dd data-testid="revealed-name">${revealed.name ?? '—'}</dd>
      <dt>${w.email}</dt><dd>${revealed.email ?? '—'}</dd>
      <dt>${w.phone}</dt><dd>${revealed.phone ?? '—'}</dd>
      ${revealed.address ? html`<dt>${w.address}</dt><dd>${revealed.address}</dd>` : ''}
    </dl></div>`
      : html`<details class="action" id="reveal"${d.reveal ? new SafeHtml(' open') : ''}>
    <summary>${w.reveal}</summary>
    <form method="post" action="/staff/cases/${d.detail.id}/reveal" novalidate>
      ${formBasics(ctx)}
      <p class="warning">${w.revealWarning}</p>
      <div class="field${error ? ' has-error' : ''}">
        <label for="reveal-reason">${w.reason} <abbr title="*">*</abbr></label>
        ${error ? html`<p class="error" id="reveal-reason-error">${error}</p>` : ''}
        <textarea id="reveal-reason" name="reason" rows="3" maxlength="1000" required${
          error ? new SafeHtml(' aria-invalid="true" aria-describedby="reveal-reason-error"') : ''
        }>${d.reveal?.reason ?? ''}</textarea>
      </div>
      <button type="submit" class="button primary">${w.revealButton}</button>
    </form>
  </details>`
  }
</section>`;
}
