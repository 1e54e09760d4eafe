import { fill } from '../../../common/i18n/i18n';
import { html, SafeHtml } from '../../../common/html';
import { errorSummary, FormErrors, FormValues, textField } from '../../form-fields';
import { formBasics, StaffPageContext, staffLayout } from './staff-layout';
import { staffMessages } from './staff.messages';

export interface SignInForm {
  values: FormValues;
  errors?: FormErrors;
  /** The account has two-factor sign-in: the code is asked for, with what was typed kept. */
  askOtp?: boolean;
  notice?: string;
}

export function signInPage(ctx: StaffPageContext, form: SignInForm): string {
  const m = staffMessages(ctx.locale).login;
  const errors = form.errors ?? {};
  const common = { values: form.values, errors, requiredLabel: '*' };
  const labels = { email: m.email, password: m.password, otp: m.otp, form: m.title };
  const formError = errors.form;
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== 'form'));
  return staffLayout(
    ctx,
    m.title,
    html`<div class="narrow">
<h1>${m.title}</h1>
${form.notice ? html`<p class="ok" role="status">${form.notice}</p>` : ''}
${formError ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary" autofocus><h2>${m.errorSummary}</h2><p>${formError}</p></div>` : errorSummary(m.errorSummary, fieldErrors, labels)}
<form method="post" action="/staff/login" novalidate>
  ${formBasics(ctx)}
  ${form.values.next ? html`<input type="hidden" name="next" value="${form.values.next}">` : ''}
  ${textField({ ...common, name: 'email', label: m.email, type: 'email', autocomplete: 'username', required: true, maxlength: 254, autofocus: !form.askOtp && !formError })}
  ${textField({ ...common, name: 'password', label: m.password, type: 'password', autocomplete: 'current-password', required: true, maxlength: 200 })}
  ${
    form.askOtp
      ? html`<p class="note">${m.otpAsked}</p>${textField({
          ...common,
          name: 'otp',
          label: m.otp,
          hint: m.otpHint,
          autocomplete: 'one-time-code',
          inputmode: 'numeric',
          maxlength: 20,
          required: true,
          autofocus: !formError,
        })}`
      : ''
  }
  <button type="submit" class="button primary">${m.submit}</button>
</form>
</div>`,
  );
}

export interface EnrolForm {
  enrolmentToken: string;
  secret: string;
  otpauthUri: string;
  error?: string;
}

/** An account whose role needs two-factor sign-in and has none yet sets it up here, then is signed in. */
export function enrolPage(ctx: StaffPageContext, form: EnrolForm): string {
  const m = staffMessages(ctx.locale).enrol;
  const errors: FormErrors = form.error ? { otp: form.error } : {};
  return staffLayout(
    ctx,
    m.title,
    html`<div class="narrow">
<h1>${m.title}</h1>
<p>${m.intro}</p>
${errorSummary(staffMessages(ctx.locale).case.errorSummary, errors, { otp: m.otp })}
<ol class="steps">
  <li>${m.step1}
    <dl class="facts"><dt>${m.secret}</dt><dd><code class="secret" data-testid="otp-secret">${groupsOf4(form.secret)}</code></dd></dl>
    <p><a href="${form.otpauthUri}">${m.link}</a></p>
  </li>
  <li>${m.step2}</li>
</ol>
<form method="post" action="/staff/login/enrol" novalidate>
  ${formBasics(ctx)}
  <input type="hidden" name="enrolmentToken" value="${form.enrolmentToken}">
  <input type="hidden" name="secret" value="${form.secret}">
  <input type="hidden" name="otpauthUri" value="${form.otpauthUri}">
  ${textField({ values: {}, errors, requiredLabel: '*', name: 'otp', label: m.otp, autocomplete: 'one-time-code', inputmode: 'numeric', maxlength: 6, required: true, autofocus: !form.error })}
  <button type="submit" class="button primary">${m.submit}</button>
</form>
</div>`,
  );
}

export function recoveryCodesPage(ctx: StaffPageContext, codes: string[], next: string): string {
  const m = staffMessages(ctx.locale).enrol;
  return staffLayout(
    ctx,
    m.doneTitle,
    html`<div class="narrow">
<h1>${m.doneTitle}</h1>
<p class="warning">${m.recovery}</p>
<ul class="recovery-codes" data-testid="recovery-codes">${codes.map((c) => html`<li><code>${c}</code></li>`)}</ul>
<p><a class="button primary" href="${next}">${m.continue}</a></p>
</div>`,
  );
}

export function tooManyMessage(ctx: StaffPageContext, seconds: number): string {
  return fill(staffMessages(ctx.locale).login.tooMany, { seconds: String(seconds) });
}

function groupsOf4(secret: string): SafeHtml {
  return new SafeHtml((secret.match(/.{1,4}/g) ?? []).map((g) => g.replace(/[^A-Z2-7]/g, '')).join(' '));
}
