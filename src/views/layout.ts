import { fill, messagesFor, type Locale } from '../common/i18n/i18n';
import { html, SafeHtml } from '../common/html';
import type { Site } from '../modules/settings/settings.catalogue';

export type { Site } from '../modules/settings/settings.catalogue';

export interface PageContext {
  locale: Locale;
  /** Path and query of this page, without `lang`: the language switch keeps them. */
  path: string;
  query?: Record<string, string>;
  org: Site;
  /**
   * The id of the form on this page, when there is one whose typed values the
   * language switch must keep: the switch then submits the form (no script needed).
   */
  switchForm?: string;
}

export function orgName(ctx: PageContext): string {
  return ctx.locale === 'en' ? ctx.org.nameEn : ctx.org.nameTh;
}

/** A link within the site that keeps the reader's language. */
export function href(ctx: Pick<PageContext, 'locale'>, path: string, query: Record<string, string> = {}): string {
  const params = new URLSearchParams(query);
  if (ctx.locale !== 'th') params.set('lang', ctx.locale);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export function layout(ctx: PageContext, title: string, main: SafeHtml): string {
  const m = messagesFor(ctx.locale);
  const other: Locale = ctx.locale === 'th' ? 'en' : 'th';
  const switchParams = new URLSearchParams(ctx.query ?? {});
  if (other !== 'th') switchParams.set('lang', other);
  const switchHref = switchParams.toString() ? `${ctx.path}?${switchParams}` : ctx.path;
  const languageSwitch = ctx.switchForm
    ? html`<button type="submit" class="lang" form="${ctx.switchForm}" name="switchLang" value="${other}" formnovalidate lang="${other}">${m.otherLangLabel}</button>`
    : html`<a class="lang" href="${switchHref}" lang="${other}" hreflang="${other}">${m.otherLangLabel}</a>`;
  const nav: Array<[string, string]> = [
    ['/', m.nav.home],
    ['/complaints/new', m.nav.file],
    ['/track', m.nav.track],
  ];
  return html`<!doctype html>
<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${orgName(ctx)}</title>
<meta name="description" content="${fill(m.meta.description, { org: orgName(ctx) })}">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<a class="skip" href="#main">${m.skipToContent}</a>
<header class="site">
  <div class="wrap">
    <a class="brand" href="${href(ctx, '/')}">${ctx.org.logoUrl ? html`<img src="${ctx.org.logoUrl}" alt="" class="logo">` : ''}<span>${orgName(ctx)}</span><small>${m.appName}</small></a>
    ${languageSwitch}
  </div>
  <nav aria-label="${m.appName}"><ul class="wrap">${nav.map(
    ([path, label]) =>
      html`<li><a href="${href(ctx, path)}"${path === ctx.path ? new SafeHtml(' aria-current="page"') : ''}>${label}</a></li>`,
  )}</ul></nav>
</header>
<main id="main" class="wrap" tabindex="-1">
${main}
</main>
<footer class="site"><div class="wrap"><p>${orgName(ctx)}</p><p>${m.footer.note}</p></div></footer>
</body>
</html>`.value;
}
