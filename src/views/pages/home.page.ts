import { html, SafeHtml, when } from '../../common/html';
import { messagesFor } from '../../common/i18n/i18n';
import { href, layout, orgName, PageContext } from '../layout';

/** A channel is shown only when the organisation has it: never an empty line. */
function channelList(ctx: PageContext): SafeHtml[] {
  const c = messagesFor(ctx.locale).home.channels;
  const k = ctx.org.contact;
  const tel = (n: string) => n.replace(/[^\d+]/g, '');
  const items: Array<SafeHtml | null> = [
    html`${c.web}`,
    k.phone ? html`${c.phone} <a href="tel:${tel(k.phone)}">${k.phone}</a>` : null,
    k.email ? html`${c.email} <a href="mailto:${k.email}">${k.email}</a>` : null,
    k.line ? html`${c.line} ${k.line}` : null,
    k.facebook ? html`${c.facebook} <a href="${k.facebook}" rel="noopener noreferrer">${k.facebook}</a>` : null,
    k.address ? html`${c.letter} ${orgName(ctx)} ${k.address}` : null,
    k.address ? html`${c.walkIn}${k.officeHours ? html` (${k.officeHours})` : ''}` : null,
    k.complaintBox ? html`${c.boxAt} ${k.complaintBox}` : null,
    html`${c.referral}`,
  ];
  return items.filter((i): i is SafeHtml => i !== null);
}

export function homePage(ctx: PageContext): string {
  const m = messagesFor(ctx.locale).home;
  const k = ctx.org.contact;
  return layout(
    ctx,
    m.title,
    html`<h1>${m.title}</h1>
<p class="lead">${m.intro}</p>
<p class="actions">
  <a class="button primary" href="${href(ctx, '/complaints/new')}">${m.fileCta}</a>
  <a class="button" href="${href(ctx, '/track')}">${m.trackCta}</a>
</p>
<section aria-labelledby="channels">
  <h2 id="channels">${m.channelsTitle}</h2>
  <ul class="channels">${channelList(ctx).map((item) => html`<li>${item}</li>`)}</ul>
</section>
<section aria-labelledby="process">
  <h2 id="process">${m.processTitle}</h2>
  <ol class="steps">${m.process.map((step) => html`<li>${step}</li>`)}</ol>
</section>
<section class="report-channel" aria-labelledby="report">
  <h2 id="report">${m.reportTitle}</h2>
  <p>${m.corruptionNote}</p>
  <p><a class="button" href="${href(ctx, '/report')}">${m.reportCta}</a></p>
</section>
${when(
  k.phone || k.email || k.address || k.website,
  () => html`<section aria-labelledby="contact"><h2 id="contact">${m.contactTitle}</h2>
<p>${orgName(ctx)}${k.address ? html`<br>${k.address}` : ''}${k.officeHours ? html`<br>${k.officeHours}` : ''}${
    k.phone ? html`<br>${k.phone}` : ''
  }${k.email ? html`<br><a href="mailto:${k.email}">${k.email}</a>` : ''}${
    k.website ? html`<br><a href="${k.website}" rel="noopener noreferrer">${k.website}</a>` : ''
  }</p></section>`,
)}`,
  );
}
