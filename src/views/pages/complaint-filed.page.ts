import { fill, messagesFor } from '../../common/i18n/i18n';
import { formatDate } from '../../common/time/thai-calendar';
import { formatTrackingCode, thaiReferenceNo } from '../../modules/cases';
import { html } from '../../common/html';
import { layout, PageContext } from '../layout';

export interface FiledView {
  trackingCode: string;
  referenceNo: string;
  dueAt: Date;
  emailed: boolean;
  attachments?: number;
}

export function complaintFiledPage(ctx: PageContext, v: FiledView): string {
  const m = messagesFor(ctx.locale).filed;
  const reference = ctx.locale === 'th' ? `${thaiReferenceNo(v.referenceNo)} (${v.referenceNo})` : v.referenceNo;
  return layout(
    ctx,
    m.title,
    html`<div class="confirmation" role="status">
  <h1>${m.title}</h1>
  <p>${m.trackingCode}</p>
  <p class="tracking-code" data-testid="tracking-code">${formatTrackingCode(v.trackingCode)}</p>
</div>
<p class="warning"><strong>${m.keepIt}</strong></p>
<dl class="facts">
  <dt>${m.referenceNo}</dt><dd>${reference}</dd>
  <dt>${m.dueAt}</dt><dd>${formatDate(v.dueAt, ctx.locale)}</dd>
</dl>
${v.attachments ? html`<p>${fill(m.attached, { count: String(v.attachments) })}</p>` : ''}
${v.emailed ? html`<p>${m.emailSent}</p>` : ''}
<form method="post" action="/track" class="link">
  <input type="hidden" name="code" value="${v.trackingCode}">
  ${ctx.locale !== 'th' ? html`<input type="hidden" name="lang" value="${ctx.locale}">` : ''}
  <button type="submit" class="button">${m.trackNow}</button>
</form>`,
  );
}
