import { html, SafeHtml } from '../../../common/html';
import type { Locale } from '../../../common/i18n/i18n';
import type { Department } from '../../../modules/departments/department.entity';
import { fieldId, FormErrors, FormValues } from '../../form-fields';
import { href } from '../../layout';
import { adminMessages } from './admin.messages';

/** What every admin form needs from its page: the language, and the hidden fields (CSRF token, language) it carries. */
export interface FormContext {
  locale: Locale;
  hidden: SafeHtml;
  /**
   * The CSRF token alone, for a multipart form: its body is read only after
   * the check, so the token travels in the form's address instead.
   */
  csrf?: string;
}

export interface Option {
  value: string;
  label: string;
}

interface ChoiceOptions {
  name: string;
  label: string;
  hint?: string;
  values: FormValues;
  errors: FormErrors;
}

function described(id: string, hint: string | undefined, error: string | undefined): SafeHtml | '' {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids ? html` aria-describedby="${ids}"` : '';
}

const selected = (on: boolean) => (on ? new SafeHtml(' selected') : '');
const checked = (on: boolean) => (on ? new SafeHtml(' checked') : '');
const invalid = (error: string | undefined) => (error ? new SafeHtml(' aria-invalid="true"') : '');

/** The active departments, in the reader's language, for a select. */
export function departmentOptions(ctx: FormContext, departments: Department[]): Option[] {
  return departments.filter((d) => d.active).map((d) => ({ value: d.id, label: ctx.locale === 'en' ? d.nameEn : d.nameTh }));
}

/** A labelled select that keeps the chosen value and shows its error, like textField. */
export function selectField(o: ChoiceOptions & { options: Option[]; blank?: string }): SafeHtml {
  const id = fieldId(o.name);
  const error = o.errors[o.name];
  const value = o.values[o.name] ?? '';
  return html`<div class="field${error ? ' has-error' : ''}">
  <label for="${id}">${o.label}</label>
  ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
  ${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}
  <select id="${id}" name="${o.name}"${described(id, o.hint, error)}${invalid(error)}>
    ${o.blank !== undefined ? html`<option value=""${selected(value === '')}>${o.blank}</option>` : ''}
    ${o.options.map((opt) => html`<option value="${opt.value}"${selected(opt.value === value)}>${opt.label}</option>`)}
  </select>
</div>`;
}

/** One checkbox sending `value` when ticked; `values[name] === value` ticks it. */
export function checkboxField(o: ChoiceOptions & { value?: string }): SafeHtml {
  const id = fieldId(o.name);
  const error = o.errors[o.name];
  const value = o.value ?? 'true';
  return html`<div class="field checkbox${error ? ' has-error' : ''}">
  ${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}
  <input type="checkbox" id="${id}" name="${o.name}" value="${value}"${checked(o.values[o.name] === value)}${described(id, o.hint, error)}${invalid(error)}>
  <label for="${id}">${o.label}${o.hint ? html`<span class="hint" id="${id}-hint"> ${o.hint}</span>` : ''}</label>
</div>`;
}

/** Radio buttons or checkboxes under one legend; `values[name]` holds the chosen values comma-separated. */
export function choiceGroup(o: ChoiceOptions & { options: Option[]; multiple?: boolean }): SafeHtml {
  const id = fieldId(o.name);
  const error = o.errors[o.name];
  const chosen = new Set((o.values[o.name] ?? '').split(',').filter(Boolean));
  return html`<fieldset class="field choices${error ? ' has-error' : ''}" id="${id}"${described(id, o.hint, error)}>
  <legend>${o.label}</legend>
  ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
  ${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}
  ${o.options.map(
    (opt) => html`<label class="choice"><input type="${o.multiple ? 'checkbox' : 'radio'}" name="${o.name}" value="${opt.value}"${checked(
      chosen.has(opt.value),
    )}> ${opt.label}</label>`,
  )}
</fieldset>`;
}

/** A one-button form that posts to `action`: a retry, a reset, a removal. */
export function actionButton(ctx: FormContext, action: string, label: string, o: { fields?: Record<string, string>; danger?: boolean; describedBy?: string } = {}): SafeHtml {
  return html`<form method="post" action="${action}" class="link">${ctx.hidden}${Object.entries(o.fields ?? {}).map(
    ([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`,
  )}<button type="submit" class="button small${o.danger ? ' danger' : ''}"${o.describedBy ? html` aria-describedby="${o.describedBy}"` : ''}>${label}</button></form>`;
}

/** The short message a page shows after a change it redirected to (Post/Redirect/Get). */
export function notice(text: string | undefined): SafeHtml | '' {
  return text ? html`<p class="notice ok" role="status">${text}</p>` : '';
}

/** A posted form's fields as a form shows them again: lists (several ticked boxes) comma-joined. */
export function formValuesOf(form: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(form)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x) => typeof x === 'string').join(',');
  }
  return out;
}

/** "Next page" for a keyset-paged list: the same filters and the cursor; "first page" once past it. */
export function pager(ctx: FormContext, path: string, filters: Record<string, string>, nextCursor: string | null, paged: boolean): SafeHtml {
  const m = adminMessages(ctx.locale);
  const link = (query: Record<string, string>) => href(ctx, path, query);
  return html`<nav class="pager" aria-label="${m.pages}">${paged ? html`<a href="${link(filters)}">${m.first}</a>` : ''}${
    nextCursor ? html` <a href="${link({ ...filters, cursor: nextCursor })}" rel="next">${m.next}</a>` : ''
  }</nav>`;
}
