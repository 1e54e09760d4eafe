import { fill, messagesFor, type Locale } from '../common/i18n/i18n';
import type { FieldError } from '../common/errors/domain-error';
import type { FileProblem } from '../modules/attachments/attachment-rules';
import { html, SafeHtml } from '../common/html';

export type FormValues = Record<string, string | undefined>;
/** First error message per field, already in the reader's language. */
export type FormErrors = Record<string, string>;

export function formErrors(errors: FieldError[], locale: Locale): FormErrors {
  const texts = messagesFor(locale).errors as Record<string, string>;
  const out: FormErrors = {};
  for (const e of errors) out[e.field] ??= texts[e.code] ?? texts.fallback;
  return out;
}

/** File problems in the reader's language, with the file's name; first per field, after any text-field error. */
export function fileErrors(problems: FileProblem[], locale: Locale, into: FormErrors = {}): FormErrors {
  const texts = messagesFor(locale).errors as Record<string, string>;
  for (const p of problems) into[p.field] ??= fill(texts[p.code] ?? texts.fallback, { name: p.fileName ?? '' });
  return into;
}

export function fieldId(name: string): string {
  return `f-${name.replace(/\./g, '-')}`;
}

interface FieldOptions {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  requiredLabel: string;
  type?: 'text' | 'email' | 'tel' | 'password' | 'date' | 'datetime-local';
  /** Where the cursor starts: the field the reader has to fill next. */
  autofocus?: boolean;
  inputmode?: 'numeric';
  autocomplete?: string;
  maxlength?: number;
  rows?: number;
  values: FormValues;
  errors: FormErrors;
}

/** A labelled input whose hint and error are announced with it; it keeps what was typed. */
export function textField(o: FieldOptions): SafeHtml {
  const id = fieldId(o.name);
  const error = o.errors[o.name];
  const described = [o.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const attrs = html`id="${id}" name="${o.name}"${o.required ? new SafeHtml(' required') : ''}${
    o.maxlength ? html` maxlength="${o.maxlength}"` : ''
  }${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${
    described ? html` aria-describedby="${described}"` : ''
  }${error ? new SafeHtml(' aria-invalid="true"') : ''}${o.autofocus ? new SafeHtml(' autofocus') : ''}${
    o.inputmode ? html` inputmode="${o.inputmode}"` : ''
  }`;
  const value = o.values[o.name] ?? '';
  return html`<div class="field${error ? ' has-error' : ''}">
  <label for="${id}">${o.label}${o.required ? html` <abbr title="${o.requiredLabel}">*</abbr>` : ''}</label>
  ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
  ${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}
  ${
    o.rows
      ? html`<textarea ${attrs} rows="${o.rows}">${value}</textarea>`
      : html`<input ${attrs} type="${o.type ?? 'text'}" value="${value}">`
  }
</div>`;
}

export function errorSummary(title: string, errors: FormErrors, labels: Record<string, string>): SafeHtml | '' {
  const entries = Object.entries(errors);
  if (!entries.length) return '';
  // autofocus: after a failed submit the reader lands on what to fix, and a screen reader reads it.
  return html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary" autofocus>
  <h2>${title}</h2>
  <ul>${entries.map(([field, msg]) => html`<li><a href="#${fieldId(field)}">${labels[field] ?? field}: ${msg}</a></li>`)}</ul>
</div>`;
}
