import { fill, messagesFor } from '../../common/i18n/i18n';
import { formatDate, formatDateTime } from '../../common/time/thai-calendar';
import { PublicCaseView, thaiReferenceNo } from '../../modules/cases';
import { errorSummary, textField } from '../form-fields';
import { html, SafeHtml } from '../../common/html';
import { layout, PageContext } from '../layout';
import { feedbackSection, FeedbackView } from './track-feedback';

const TRACK_FORM_ID = 'track-form';

export type TrackOutcome = { found: PublicCaseView; feedback?: FeedbackView } | { error: string } | null;

export function trackPage(ctx: PageContext, code: string, outcome: TrackOutcome): string {
  const msgs = messagesFor(ctx.locale);
  const m = msgs.track;
  const errors: Record<string, string> = outcome && 'error' in outcome ? { code: outcome.error } : {};
  const found = outcome && 'found' in outcome ? outcome.found : null;
  return layout(
    { ...ctx, switchForm: TRACK_FORM_ID },
    m.title,
    html`<h1>${m.title}</h1>
${errorSummary(m.problemTitle, errors, { code: m.code })}
<form method="post" action="/track" class="inline" id="${TRACK_FORM_ID}">
  ${ctx.locale !== 'th' ? html`<input type="hidden" name="lang" value="${ctx.locale}">` : ''}
  ${textField({ name: 'code', label: m.code, hint: m.codeHint, required: true, requiredLabel: msgs.form.required, autocomplete: 'off', maxlength: 20, values: { code }, errors })}
  <button type="submit" class="button primary">${m.submit}</button>
</form>
${
  found
    ? html`<section class="case" aria-labelledby="case-title">
  <h2 id="case-title">${ctx.locale === 'th' ? thaiReferenceNo(found.referenceNo) : found.referenceNo}</h2>
  <dl class="facts">
    <dt>${m.referenceNo}</dt><dd data-testid="reference-no">${found.referenceNo}</dd>
    <dt>${m.status}</dt><dd><span class="status status-${found.status}">${msgs.status[found.status]}</span></dd>
    <dt>${m.receivedAt}</dt><dd>${formatDate(found.receivedAt, ctx.locale)}</dd>
    <dt>${m.dueAt}</dt><dd>${formatDate(found.dueAt, ctx.locale)}</dd>
  </dl>
  ${found.overdue ? html`<p class="warning">${m.overdue}</p>` : ''}
  ${
    found.mergedInto
      ? html`<p class="note" data-testid="merged-into">${fill(m.mergedInto, {
          referenceNo: ctx.locale === 'th' ? thaiReferenceNo(found.mergedInto.referenceNo) : found.mergedInto.referenceNo,
          status: msgs.status[found.mergedInto.status],
        })}</p>`
      : ''
  }
  <h3>${m.timeline}</h3>
  <ol class="timeline">${found.timeline.map((e) => publicTimelineItem(ctx, e))}</ol>
</section>
${outcome && 'found' in outcome && outcome.feedback ? feedbackSection(ctx, code, outcome.feedback) : ''}`
    : ''
}`,
  );
}

/** One line of the complainant's timeline; the staff console's preview shows a message the same way. */
export function publicTimelineItem(ctx: PageContext, e: PublicCaseView['timeline'][number]): SafeHtml {
  const msgs = messagesFor(ctx.locale);
  const m = msgs.track;
  return html`<li><time datetime="${e.at.toISOString()}">${formatDateTime(e.at, ctx.locale)}</time>
    <strong>${e.status ? msgs.status[e.status] : ''}</strong>
    ${e.message ? html`<p>${e.message}</p>` : e.action === 'receive' ? html`<p>${msgs.eventMessages.receive}</p>` : ''}
    ${e.department ? html`<p>${m.department}: ${ctx.locale === 'en' ? e.department.nameEn : e.department.name}</p>` : ''}
    ${e.expectedAt ? html`<p>${m.expectedAt}: ${formatDate(e.expectedAt, ctx.locale)}</p>` : ''}
    ${e.agency ? html`<p>${m.referredTo}: ${e.agency}</p>` : ''}</li>`;
}
