import { messagesFor } from '../../common/i18n/i18n';
import { html } from '../../common/html';
import { href, layout, PageContext } from '../layout';

export function errorPage(ctx: PageContext, status: number): string {
  const m = messagesFor(ctx.locale).page;
  const [title, body] =
    status === 404
      ? [m.notFoundTitle, '']
      : status === 429
        ? [m.tooManyTitle, m.tooManyBody]
        : [m.errorTitle, m.errorBody];
  return layout(
    ctx,
    title,
    html`<h1>${title}</h1>${body ? html`<p>${body}</p>` : ''}<p><a href="${href(ctx, '/')}">${m.backHome}</a></p>`,
  );
}
