import { html } from '../../common/html';
import { fill } from '../../common/i18n/i18n';
import { layout, orgName, PageContext } from '../layout';
import { privacyMessages } from './privacy.messages';

export function privacyPage(ctx: PageContext): string {
  const m = privacyMessages[ctx.locale];
  const k = ctx.org.contact;
  const contact = [k.email, k.phone, k.address].filter(Boolean).join(', ') || m.noContact;
  const org = orgName(ctx);
  return layout(
    ctx,
    m.title,
    html`<article class="privacy">
<h1>${m.title}</h1>
<p>${fill(m.intro, { org })}</p>
${m.sections.map(([heading, body]) => html`<h2>${heading}</h2><p>${fill(body, { org, contact })}</p>`)}
<p class="note">${m.whistleblower}</p>
</article>`,
  );
}
