import { html, SafeHtml } from '../../common/html';
import type { FeedbackState } from '../../modules/feedback/feedback.service';
import { feedbackMessages } from '../../modules/feedback/feedback-messages';
import type { PageContext } from '../layout';

export interface FeedbackView {
  state: FeedbackState;
  /** Just rated on this request. */
  thanks?: boolean;
  error?: string;
  values?: { rating?: string; comment?: string };
}

/** The satisfaction form under a closed case on the tracking page (anchor #feedback, linked from the closing mail). */
export function feedbackSection(ctx: PageContext, code: string, v: FeedbackView): SafeHtml | '' {
  const m = feedbackMessages(ctx.locale);
  const s = v.state;
  if ('given' in s) {
    return html`<section id="feedback" class="feedback" aria-labelledby="feedback-title">
  <h2 id="feedback-title">${m.title}</h2>
  <p class="${v.thanks ? 'ok' : 'note'}" data-testid="feedback-given">${v.thanks ? `${m.thanks}. ` : ''}${m.given}: ${m.ratings[s.given.rating as 1 | 2 | 3 | 4 | 5]}</p>
</section>`;
  }
  if (!s.canRate) return '';
  return html`<section id="feedback" class="feedback" aria-labelledby="feedback-title">
  <h2 id="feedback-title">${m.title}</h2>
  <p>${m.intro}</p>
  ${v.error ? html`<div class="error-summary" role="alert" id="feedback-error"><p>${v.error}</p></div>` : ''}
  <form method="post" action="/track/feedback#feedback">
    <input type="hidden" name="code" value="${code}">
    ${ctx.locale !== 'th' ? html`<input type="hidden" name="lang" value="${ctx.locale}">` : ''}
    <fieldset class="rating"${v.error ? new SafeHtml(' aria-describedby="feedback-error"') : ''}>
      <legend>${m.rating}</legend>
      ${([5, 4, 3, 2, 1] as const).map(
        (r) => html`<label><input type="radio" name="rating" value="${r}" required${v.values?.rating === String(r) ? new SafeHtml(' checked') : ''}> ${m.ratings[r]}</label>`,
      )}
    </fieldset>
    <div class="field">
      <label for="feedback-comment">${m.comment}</label>
      <p class="hint" id="feedback-comment-hint">${m.commentHint}</p>
      <textarea id="feedback-comment" name="comment" maxlength="1000" rows="4" aria-describedby="feedback-comment-hint">${v.values?.comment ?? ''}</textarea>
    </div>
    <button type="submit" class="button primary">${m.submit}</button>
  </form>
</section>`;
}
