import { messagesFor } from '../../../common/i18n/i18n';
import { html, SafeHtml } from '../../../common/html';
import { formatDate } from '../../../common/time/thai-calendar';
import { DESCRIPTION_MAX, formatTrackingCode, OFFLINE_CHANNELS, SUBJECT_MAX } from '../../../modules/cases';
import { CHANNEL_LABELS } from '../../../modules/reports/report-labels';
import { errorSummary, fieldId, FormErrors, FormValues, textField } from '../../form-fields';
import { href } from '../../layout';
import type { CategoryOption } from '../complaint-form.page';
import { caseReference } from './queue.page';
import { formBasics, StaffPageContext, staffLayout } from './staff-layout';
import { staffMessages } from './staff.messages';

/**
 * An offline complaint, entered while the caller is on the line: the
 * channel is already "phone" and the time already now, the fields come in
 * the order the conversation gives them, and nothing needs a mouse.
 */
export function registerPage(ctx: StaffPageContext, categories: CategoryOption[], values: FormValues, errors: FormErrors = {}): string {
  const sm = staffMessages(ctx.locale);
  const m = sm.register;
  const f = messagesFor(ctx.locale).form;
  const common = { values, errors, requiredLabel: f.required };
  const labels: Record<string, string> = {
    channel: m.channel,
    receivedAt: m.receivedAt,
    subject: f.subject,
    categoryCode: f.category,
    description: f.description,
    location: f.location,
    complainant: f.you,
    'complainant.name': f.name,
    'complainant.phone': f.phone,
    'complainant.email': f.email,
    'complainant.address': f.address,
    letterNo: m.letterNo,
    letterDate: m.letterDate,
    kind: m.kind,
  };
  const select = (name: string, label: string, options: Array<[string, string]>, selected: string | undefined, extra = '') => {
    const error = errors[name];
    return html`<div class="field${error ? ' has-error' : ''}">
      <label for="${fieldId(name)}">${label}</label>
      ${error ? html`<p class="error" id="${fieldId(name)}-error">${error}</p>` : ''}
      <select id="${fieldId(name)}" name="${name}"${error ? new SafeHtml(` aria-invalid="true" aria-describedby="${fieldId(name)}-error"`) : ''}${new SafeHtml(extra)}>
        ${options.map(([value, text]) => html`<option value="${value}"${selected === value ? new SafeHtml(' selected') : ''}>${text}</option>`)}
      </select>
    </div>`;
  };
  const checkbox = (name: string, label: string) => html`<div class="field checkbox">
    <input type="checkbox" id="${fieldId(name)}" name="${name}" value="yes"${values[name] === 'yes' ? new SafeHtml(' checked') : ''}>
    <label for="${fieldId(name)}">${label}</label>
  </div>`;
  return staffLayout(
    // No language switch that posts the form: Enter in a field must register, and the switch would be the form's first button.
    ctx,
    m.title,
    html`<div class="narrow wide-form">
<h1>${m.title}</h1>
<p>${m.intro}</p>
${errorSummary(sm.case.errorSummary, errors, labels)}
<form method="post" action="/staff/cases/new" novalidate>
  ${formBasics(ctx)}
  <div class="two">
    ${select('channel', m.channel, OFFLINE_CHANNELS.map((c) => [c, CHANNEL_LABELS[c][ctx.locale]]), values.channel)}
    ${textField({ ...common, name: 'receivedAt', label: m.receivedAt, hint: m.receivedAtHint, type: 'datetime-local', required: true })}
  </div>
  <fieldset>
    <legend>${f.you}</legend>
    ${errors.complainant ? html`<p class="error">${errors.complainant}</p>` : ''}
    ${textField({ ...common, name: 'complainant.name', label: f.name, autocomplete: 'off', maxlength: 200, autofocus: !Object.keys(errors).length })}
    ${textField({ ...common, name: 'complainant.phone', label: f.phone, type: 'tel', autocomplete: 'off', maxlength: 20 })}
    ${checkbox('anonymous', m.anonymous)}
  </fieldset>
  ${textField({ ...common, name: 'subject', label: f.subject, required: true, maxlength: SUBJECT_MAX })}
  ${select('categoryCode', f.category, [['', f.categoryNone], ...categories.map((c): [string, string] => [c.code, ctx.locale === 'en' ? c.nameEn : c.nameTh])], values.categoryCode)}
  ${textField({ ...common, name: 'description', label: f.description, required: true, rows: 5, maxlength: DESCRIPTION_MAX })}
  ${textField({ ...common, name: 'location', label: f.location, maxlength: 500 })}
  <fieldset>
    <legend>${m.moreContact}</legend>
    ${textField({ ...common, name: 'complainant.email', label: f.email, hint: f.emailHint, type: 'email', autocomplete: 'off', maxlength: 254 })}
    ${textField({ ...common, name: 'complainant.address', label: f.address, rows: 2, maxlength: 500 })}
    ${checkbox('consent', m.consent)}
  </fieldset>
  <fieldset>
    <legend>${m.letterHint}</legend>
    <div class="two">
      ${textField({ ...common, name: 'letterNo', label: m.letterNo, maxlength: 100 })}
      ${textField({ ...common, name: 'letterDate', label: m.letterDate, type: 'date' })}
    </div>
  </fieldset>
  <button type="submit" class="button primary">${m.submit}</button>
</form>
</div>`,
  );
}

export interface Registered {
  id: string;
  referenceNo: string;
  trackingCode: string | null;
  dueAt: Date;
}

export function registeredPage(ctx: StaffPageContext, r: Registered): string {
  const sm = staffMessages(ctx.locale);
  const m = sm.register;
  return staffLayout(
    ctx,
    m.doneTitle,
    html`<div class="narrow">
<div class="confirmation" role="status">
  <h1>${m.doneTitle}</h1>
  <p>${messagesFor(ctx.locale).filed.referenceNo}: <strong data-testid="reference-no">${caseReference(ctx, r.referenceNo)}</strong></p>
  <p>${sm.case.dueAt}: ${formatDate(r.dueAt, ctx.locale)}</p>
</div>
${
  r.trackingCode
    ? html`<h2>${m.trackingCode}</h2><p class="tracking-code" data-testid="tracking-code">${formatTrackingCode(r.trackingCode)}</p><p>${m.tellCode}</p>`
    : ''
}
<p class="actions"><a class="button primary" href="${href(ctx, `/staff/cases/${r.id}`)}" autofocus>${m.openCase}</a>
<a class="button" href="${href(ctx, '/staff/cases/new')}">${m.another}</a></p>
</div>`,
  );
}
