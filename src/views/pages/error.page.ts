import { messagesFor } from '../../common/i18n/i18n';
import { html } from '../../common/html';
import { href, layout, PageContext } from '../layout';

export function errorPage(ctx: PageContext, status: number): string {
  const m = messagesFor(ctx.locale).page;
  const known: Record<number, [string, string]> = {
    400: [m.badRequestTitle, m.badRequestBody],
    403: [m.forbiddenTitle, m.forbiddenBody],
    404: [m.notFoundTitle, ''],
    429: [m.tooManyTitle, m.tooManyBody],
  };
  const [title, body] = known[status] ?? [m.errorTitle, m.errorBody];
  return layout(
    ctx,
    title,
    html`<h1>${title}</h1>${body ? html`<p>${body}</p>` : ''}<p><a href="${href(ctx, '/')}">${m.backHome}</a></p>`,
  );
}
