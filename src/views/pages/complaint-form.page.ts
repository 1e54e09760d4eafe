import { messagesFor } from '../../common/i18n/i18n';
import { FILES_FIELD } from '../../modules/attachments/attachment-rules';
import { ACCEPT_ATTRIBUTE } from '../../modules/attachments/content-type';
import { DESCRIPTION_MAX, SUBJECT_MAX } from '../../modules/cases';
import { errorSummary, FormErrors, FormValues, textField } from '../form-fields';
import { html, SafeHtml } from '../../common/html';
import { href, layout, PageContext } from '../layout';

/** The language switch submits this form, so that what was typed survives the switch. */
export const COMPLAINT_FORM_ID = 'complaint-form';

export interface CategoryOption {
  code: string;
  nameTh: string;
  nameEn: string;
}

export function complaintFormPage(
  ctx: PageContext,
  categories: CategoryOption[],
  values: FormValues = {},
  errors: FormErrors = {},
  /** Files were sent with a form that comes back: browsers cannot refill a file input. */
  filesToChooseAgain = false,
): string {
  const m = messagesFor(ctx.locale).form;
  const common = { values, errors, requiredLabel: m.required };
  const labels: Record<string, string> = {
    subject: m.subject,
    categoryCode: m.category,
    description: m.description,
    location: m.location,
    'complainant.name': m.name,
    'complainant.email': m.email,
    'complainant.phone': m.phone,
    'complainant.address': m.address,
    consent: m.consent,
    [FILES_FIELD]: m.files,
  };
  const categoryError = errors.categoryCode;
  const consentError = errors.consent;
  return layout(
    { ...ctx, switchForm: COMPLAINT_FORM_ID },
    m.title,
    html`<h1>${m.title}</h1>
<p>${m.intro}</p>
${errorSummary(m.errorSummary, errors, labels)}
<form method="post" action="/complaints/new" enctype="multipart/form-data" novalidate id="${COMPLAINT_FORM_ID}">
  <input type="hidden" name="lang" value="${ctx.locale}">
  ${textField({ ...common, name: 'subject', label: m.subject, hint: m.subjectHint, required: true, maxlength: SUBJECT_MAX })}
  <div class="field${categoryError ? ' has-error' : ''}">
    <label for="f-categoryCode">${m.category}</label>
    ${categoryError ? html`<p class="error" id="f-categoryCode-error">${categoryError}</p>` : ''}
    <select id="f-categoryCode" name="categoryCode"${categoryError ? new SafeHtml(' aria-invalid="true" aria-describedby="f-categoryCode-error"') : ''}>
      <option value="">${m.categoryNone}</option>
      ${categories.map(
        (c) =>
          html`<option value="${c.code}"${values.categoryCode === c.code ? new SafeHtml(' selected') : ''}>${
            ctx.locale === 'en' ? c.nameEn : c.nameTh
          }</option>`,
      )}
    </select>
  </div>
  ${textField({ ...common, name: 'description', label: m.description, hint: m.descriptionHint, required: true, rows: 8, maxlength: DESCRIPTION_MAX })}
  ${textField({ ...common, name: 'location', label: m.location, hint: m.locationHint, maxlength: 500 })}
  <fieldset>
    <legend>${m.you}</legend>
    ${textField({ ...common, name: 'complainant.name', label: m.name, required: true, autocomplete: 'name', maxlength: 200 })}
    ${textField({ ...common, name: 'complainant.email', label: m.email, hint: m.emailHint, type: 'email', autocomplete: 'email', maxlength: 254 })}
    ${textField({ ...common, name: 'complainant.phone', label: m.phone, hint: m.phoneHint, type: 'tel', autocomplete: 'tel', maxlength: 20 })}
    ${textField({ ...common, name: 'complainant.address', label: m.address, autocomplete: 'street-address', rows: 2, maxlength: 500 })}
  </fieldset>
  <div class="field checkbox${consentError ? ' has-error' : ''}">
    ${consentError ? html`<p class="error" id="f-consent-error">${consentError}</p>` : ''}
    <input type="checkbox" id="f-consent" name="consent" value="yes" required${
      values.consent === 'yes' ? new SafeHtml(' checked') : ''
    }${consentError ? new SafeHtml(' aria-invalid="true" aria-describedby="f-consent-error"') : ''}>
    <label for="f-consent">${m.consent} <abbr title="${m.required}">*</abbr>
      <a href="${href(ctx, '/privacy')}" target="_blank">${m.privacyLink}</a></label>
  </div>
  ${filesField(m, errors[FILES_FIELD], filesToChooseAgain)}
  <button type="submit" class="button primary">${m.submit}</button>
</form>`,
  );
}

/**
 * Last in the form on purpose: a multipart body carries the fields in this
 * order, so every typed field has arrived before any file that could stop
 * the reading (one over the count limit), and the form can come back whole.
 */
function filesField(m: ReturnType<typeof messagesFor>['form'], error: string | undefined, chooseAgain: boolean): SafeHtml {
  const id = `f-${FILES_FIELD}`;
  const again = chooseAgain && !error;
  const described = [`${id}-hint`, error ? `${id}-error` : '', again ? `${id}-again` : ''].filter(Boolean).join(' ');
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="${id}">${m.files}</label>
    <p class="hint" id="${id}-hint">${m.filesHint}</p>
    ${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}
    ${again ? html`<p class="hint" id="${id}-again"><strong>${m.filesAgain}</strong></p>` : ''}
    <input type="file" id="${id}" name="${FILES_FIELD}" multiple accept="${ACCEPT_ATTRIBUTE}" aria-describedby="${described}"${
      error ? new SafeHtml(' aria-invalid="true"') : ''
    }>
  </div>`;
}
