import { html, SafeHtml } from '../../../common/html';
import type { StaffUser } from '../../../modules/auth/staff-user';
import { href, orgName, PageContext } from '../../layout';
import { navFor } from './staff-nav';
import { staffMessages } from './staff.messages';

export interface StaffPageContext extends PageContext {
  /** Null on the sign-in pages. */
  staff: StaffUser | null;
  /** The CSRF token every form of the page carries (`csrfField`). */
  csrf: string;
}

/** The hidden fields every console form carries: its CSRF token and the reader's language. */
export function formBasics(ctx: StaffPageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf}"><input type="hidden" name="lang" value="${ctx.locale}">`;
}

/** The page within the console's frame: who is signed in, the menu for their role, sign-out, the language switch. */
export function staffLayout(ctx: StaffPageContext, title: string, main: SafeHtml): string {
  const m = staffMessages(ctx.locale);
  const other = ctx.locale === 'th' ? 'en' : 'th';
  const switchParams = new URLSearchParams(ctx.query ?? {});
  if (other !== 'th') switchParams.set('lang', other);
  const switchHref = switchParams.toString() ? `${ctx.path}?${switchParams}` : ctx.path;
  const otherLabel = other === 'en' ? 'English' : 'ภาษาไทย';
  const languageSwitch = ctx.switchForm
    ? html`<button type="submit" class="lang" form="${ctx.switchForm}" name="switchLang" value="${other}" formnovalidate lang="${other}">${otherLabel}</button>`
    : html`<a class="lang" href="${switchHref}" lang="${other}" hreflang="${other}">${otherLabel}</a>`;
  const staff = ctx.staff;
  const nav = staff ? navFor(staff.role) : [];
  return html`<!doctype html>
<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · ${m.appName} · ${orgName(ctx)}</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
</head>
<body class="staff">
<a class="skip" href="#main">${ctx.locale === 'en' ? 'Skip to content' : 'ข้ามไปยังเนื้อหา'}</a>
<header class="site">
  <div class="wrap">
    <a class="brand" href="${href(ctx, staff ? '/staff' : '/staff/login')}"><span>${orgName(ctx)}</span><small>${m.appName}</small></a>
    <div class="who">
      ${staff ? html`<span class="user">${staff.displayName} <small>(${m.roles[staff.role]})</small></span>` : ''}
      ${languageSwitch}
      ${
        staff
          ? html`<form method="post" action="/staff/logout" class="link">${formBasics(ctx)}<button type="submit" class="lang">${m.signOut}</button></form>`
          : ''
      }
    </div>
  </div>
  ${
    nav.length
      ? html`<nav aria-label="${m.menu}"><ul class="wrap">${nav.map(
          (item) =>
            html`<li><a href="${href(ctx, item.path)}"${item.path === ctx.path ? new SafeHtml(' aria-current="page"') : ''}>${item.label(m)}</a></li>`,
        )}</ul></nav>`
      : ''
  }
</header>
<main id="main" class="wrap" tabindex="-1">
${main}
</main>
</body>
</html>`.value;
}
