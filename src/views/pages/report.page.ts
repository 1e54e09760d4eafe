import { fill } from '../../common/i18n/i18n';
import { html, SafeHtml } from '../../common/html';
import { FILES_FIELD } from '../../modules/attachments/attachment-rules';
import { ACCEPT_ATTRIBUTE } from '../../modules/attachments/content-type';
import { DESCRIPTION_MAX, SUBJECT_MAX } from '../../modules/cases';
import { errorSummary, FormErrors, FormValues, textField } from '../form-fields';
import { href, layout, orgName, PageContext } from '../layout';
import { reportMessages } from './report.messages';

export const REPORT_FORM_ID = 'report-form';

/** What the report form posts, besides the files. */
export const REPORT_FORM_FIELDS = [
  'subject',
  'description',
  'accused.name',
  'accused.position',
  'accused.department',
  'incidentDate',
  'identity.name',
  'identity.email',
  'identity.phone',
  'pow.id',
  'pow.nonce',
];

/** The plain-language account of what the channel protects, and how. */
function protections(ctx: PageContext): SafeHtml {
  const m = reportMessages(ctx.locale);
  return html`<section class="note" aria-labelledby="protected">
  <h2 id="protected">${m.protectedTitle}</h2>
  <ul>${m.protections.map((p) => html`<li>${p}</li>`)}</ul>
  <p><strong>${m.safety}</strong></p>
</section>`;
}

export function reportFormPage(ctx: PageContext, values: FormValues = {}, errors: FormErrors = {}): string {
  const m = reportMessages(ctx.locale);
  const common = { values, errors, requiredLabel: m.required };
  const labels: Record<string, string> = {
    subject: m.subject,
    description: m.description,
    'accused.name': m.accusedName,
    'accused.position': m.accusedPosition,
    'accused.department': m.accusedDepartment,
    incidentDate: m.incidentDate,
    'identity.name': m.name,
    'identity.email': m.email,
    'identity.phone': m.phone,
    [FILES_FIELD]: m.files,
  };
  const fileError = errors[FILES_FIELD];
  return layout(
    { ...ctx, switchForm: REPORT_FORM_ID },
    m.title,
    html`<h1>${m.title}</h1>
<p>${fill(m.lead, { org: orgName(ctx) })}</p>
${protections(ctx)}
<p><a href="${href(ctx, '/report/follow-up')}">${m.followUpLink}</a></p>
${errorSummary(m.errorSummary, errors, labels)}
<noscript><p class="warning">${m.noScript}</p></noscript>
<form method="post" action="/report" enctype="multipart/form-data" novalidate id="${REPORT_FORM_ID}" data-working="${m.working}">
  <input type="hidden" name="lang" value="${ctx.locale}">
  <input type="hidden" name="pow.id" value="">
  <input type="hidden" name="pow.nonce" value="">
  ${textField({ ...common, name: 'subject', label: m.subject, required: true, maxlength: SUBJECT_MAX })}
  ${textField({ ...common, name: 'description', label: m.description, hint: m.descriptionHint, required: true, rows: 8, maxlength: DESCRIPTION_MAX })}
  <fieldset>
    <legend>${m.accused}</legend>
    ${textField({ ...common, name: 'accused.name', label: m.accusedName, autocomplete: 'off', maxlength: 200 })}
    ${textField({ ...common, name: 'accused.position', label: m.accusedPosition, autocomplete: 'off', maxlength: 200 })}
    ${textField({ ...common, name: 'accused.department', label: m.accusedDepartment, autocomplete: 'off', maxlength: 200 })}
  </fieldset>
  ${textField({ ...common, name: 'incidentDate', label: m.incidentDate, hint: m.incidentDateHint, autocomplete: 'off', maxlength: 10 })}
  <fieldset>
    <legend>${m.identity}</legend>
    <p class="hint">${m.identityHint}</p>
    ${textField({ ...common, name: 'identity.name', label: m.name, autocomplete: 'off', maxlength: 200 })}
    ${textField({ ...common, name: 'identity.email', label: m.email, hint: m.emailHint, type: 'email', autocomplete: 'off', maxlength: 254 })}
    ${textField({ ...common, name: 'identity.phone', label: m.phone, type: 'tel', autocomplete: 'off', maxlength: 20 })}
  </fieldset>
  <div class="field${fileError ? ' has-error' : ''}">
    <label for="f-${FILES_FIELD}">${m.files}</label>
    <p class="hint" id="f-${FILES_FIELD}-hint">${m.filesHint}</p>
    <p class="warning" id="f-${FILES_FIELD}-metadata">${m.metadataNote}</p>
    ${fileError ? html`<p class="error" id="f-${FILES_FIELD}-error">${fileError}</p>` : ''}
    <input type="file" id="f-${FILES_FIELD}" name="${FILES_FIELD}" multiple accept="${ACCEPT_ATTRIBUTE}" aria-describedby="f-${FILES_FIELD}-hint f-${FILES_FIELD}-metadata">
  </div>
  <p class="hint" id="pow-status" role="status" aria-live="polite"></p>
  <button type="submit" class="button primary">${m.submit}</button>
</form>
<script src="/assets/report.js" defer></script>`,
  );
}

export function reportFiledPage(ctx: PageContext, filed: { receiptCode: string; referenceNo: string }): string {
  const m = reportMessages(ctx.locale);
  return layout(
    ctx,
    m.filedTitle,
    html`<div class="confirmation" role="status">
  <h1>${m.filedTitle}</h1>
  <p>${m.receiptLabel}</p>
  <p class="tracking-code" data-testid="receipt-code">${filed.receiptCode}</p>
</div>
<p class="warning"><strong>${m.receiptAdvice}</strong></p>
<dl class="facts"><dt>${m.referenceNo}</dt><dd>${filed.referenceNo}</dd></dl>
<p><a class="button" href="${href(ctx, '/report/follow-up')}">${m.followUpNow}</a></p>`,
  );
}
