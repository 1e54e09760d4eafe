import { messagesFor } from '../../common/i18n/i18n';
import { html, when } from '../../common/html';
import { href, layout, orgName, PageContext } from '../layout';

export function homePage(ctx: PageContext): string {
  const m = messagesFor(ctx.locale).home;
  const c = m.channels;
  const { phone, email, address } = ctx.org;
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
  <ul class="channels">
    <li>${c.web}</li>
    <li>${c.phone}${phone ? html` <a href="tel:${phone.replace(/[^\d+]/g, '')}">${phone}</a>` : ''}</li>
    <li>${c.letter}${address ? html` ${orgName(ctx)} ${address}` : ''}</li>
    <li>${c.walkIn}</li>
    <li>${c.box}</li>
    <li>${c.social}</li>
    <li>${c.referral}</li>
  </ul>
</section>
<section aria-labelledby="process">
  <h2 id="process">${m.processTitle}</h2>
  <ol class="steps">${m.process.map((step) => html`<li>${step}</li>`)}</ol>
</section>
<aside class="note"><p>${m.corruptionNote}</p></aside>
${when(
  phone || email || address,
  () => html`<section aria-labelledby="contact"><h2 id="contact">${m.contactTitle}</h2>
<p>${orgName(ctx)}${address ? html`<br>${address}` : ''}${phone ? html`<br>${phone}` : ''}${
    email ? html`<br><a href="mailto:${email}">${email}</a>` : ''
  }</p></section>`,
)}`,
  );
}
