import { fill } from '../../common/i18n/i18n';
import { html } from '../../common/html';
import { formatDate, formatDateTime } from '../../common/time/thai-calendar';
import { messagesFor } from '../../common/i18n/i18n';
import { FILES_FIELD } from '../../modules/attachments/attachment-rules';
import { ACCEPT_ATTRIBUTE } from '../../modules/attachments/content-type';
import type { CaseStatus } from '../../modules/cases';
import type { WhistleblowerReportDto } from '../../modules/whistleblower/dto/report.dto';
import { errorSummary, textField } from '../form-fields';
import { layout, PageContext } from '../layout';
import { reportMessages } from './report.messages';

const FOLLOW_UP_FORM_ID = 'follow-up-form';

export type FollowUpView =
  | { state: 'ask'; error?: string }
  /** The report, with the token that the forms below post back: no cookie, nothing in the address bar. */
  | { state: 'open'; report: WhistleblowerReportDto; token: string; notice?: string; error?: string };

export function reportFollowUpPage(ctx: PageContext, view: FollowUpView): string {
  const m = reportMessages(ctx.locale);
  const lang = ctx.locale !== 'th' ? html`<input type="hidden" name="lang" value="${ctx.locale}">` : '';
  if (view.state === 'ask') {
    const errors: Record<string, string> = view.error ? { receiptCode: view.error } : {};
    return layout(
      { ...ctx, switchForm: FOLLOW_UP_FORM_ID },
      m.followUpTitle,
      html`<h1>${m.followUpTitle}</h1>
${errorSummary(m.errorSummary, errors, { receiptCode: m.receipt })}
<form method="post" action="/report/follow-up" class="inline" id="${FOLLOW_UP_FORM_ID}" autocomplete="off">
  ${lang}
  ${textField({ name: 'receiptCode', label: m.receipt, hint: m.receiptHint, required: true, requiredLabel: m.required, autocomplete: 'off', maxlength: 24, values: {}, errors })}
  <button type="submit" class="button primary">${m.open}</button>
</form>`,
    );
  }
  const r = view.report;
  const status = messagesFor(ctx.locale).status[r.status as CaseStatus] ?? r.status;
  const token = html`<input type="hidden" name="token" value="${view.token}">`;
  return layout(
    ctx,
    m.followUpTitle,
    html`<h1>${m.followUpTitle}</h1>
${view.notice ? html`<p class="confirmation" role="status">${view.notice}</p>` : ''}
${view.error ? html`<p class="error-summary" role="alert">${view.error}</p>` : ''}
<dl class="facts">
  <dt>${m.referenceNo}</dt><dd>${r.referenceNo}</dd>
  <dt>${m.status}</dt><dd data-testid="report-status">${status}</dd>
  <dt>${m.receivedAt}</dt><dd>${formatDate(r.receivedAt, ctx.locale)}</dd>
  <dt>${m.dueAt}</dt><dd>${formatDate(r.dueAt, ctx.locale)}</dd>
</dl>
<h2>${m.steps}</h2>
<ol class="timeline">${r.timeline.map(
      (e) => html`<li><time>${formatDateTime(e.at, ctx.locale)}</time><strong>${m.actions[e.action] ?? status}</strong>${
        e.outcome ? html`<p>${m.outcomes[e.outcome] ?? e.outcome}</p>` : ''
      }${e.message ? html`<p>${e.message}</p>` : ''}</li>`,
    )}</ol>
<h2>${m.messages}</h2>
${
  r.messages.length
    ? html`<ol class="timeline" data-testid="messages">${r.messages.map(
        (msg) => html`<li><time>${formatDateTime(msg.at, ctx.locale)}</time><strong>${msg.from === 'whistleblower' ? m.fromYou : m.fromOfficer}</strong><p>${msg.body}</p></li>`,
      )}</ol>`
    : html`<p>${m.noMessages}</p>`
}
<form method="post" action="/report/follow-up/messages">
  ${lang}${token}
  ${textField({ name: 'body', label: m.newMessage, required: true, requiredLabel: m.required, rows: 4, maxlength: 5000, values: {}, errors: {} })}
  <button type="submit" class="button primary">${m.send}</button>
</form>
<h2>${m.addFiles}</h2>
<p>${fill(m.filesSoFar, { count: String(r.attachments) })}</p>
<form method="post" action="/report/follow-up/files" enctype="multipart/form-data">
  ${lang}${token}
  <div class="field">
    <label for="f-${FILES_FIELD}">${m.files}</label>
    <p class="hint" id="f-${FILES_FIELD}-hint">${m.filesHint}</p>
    <p class="warning" id="f-${FILES_FIELD}-metadata">${m.metadataNote}</p>
    <input type="file" id="f-${FILES_FIELD}" name="${FILES_FIELD}" multiple accept="${ACCEPT_ATTRIBUTE}" aria-describedby="f-${FILES_FIELD}-hint f-${FILES_FIELD}-metadata">
  </div>
  <button type="submit" class="button">${m.upload}</button>
</form>`,
  );
}
