import { html } from '../../../common/html';
import type { Holiday } from '../../../modules/calendar/working-days';
import { errorSummary, FormErrors, FormValues, textField } from '../../form-fields';
import { formatDate } from '../../../common/time/thai-calendar';
import type { StaffPageBody } from '../staff-page';
import { actionButton, FormContext, notice } from './admin-fields';
import { adminMessages } from './admin.messages';

export const HOLIDAYS_PATH = '/staff/admin/holidays';

/** The days off of one year (CE), the added ones removable, and the form that adds one. */
export function holidaysPage(
  ctx: FormContext,
  year: number,
  years: number[],
  holidays: Holiday[],
  o: { values?: FormValues; errors?: FormErrors; done?: string } = {},
): StaffPageBody {
  const m = adminMessages(ctx.locale);
  const h = m.holidays;
  const errors = o.errors ?? {};
  const common = { values: o.values ?? {}, errors, requiredLabel: m.required };
  const shownYear = (y: number) => (ctx.locale === 'en' ? String(y) : `${y + 543}`);
  return {
    title: h.title,
    main: html`<h1 id="page-title">${h.title} ${shownYear(year)}</h1>
<p>${h.intro}</p>
${notice(o.done)}
<form method="get" action="${HOLIDAYS_PATH}" class="inline">
  ${ctx.locale !== 'th' ? html`<input type="hidden" name="lang" value="${ctx.locale}">` : ''}
  <label for="f-year">${h.year}</label>
  <select id="f-year" name="year">${years.map((y) => html`<option value="${y}"${y === year ? html` selected` : ''}>${shownYear(y)}</option>`)}</select>
  <button type="submit" class="button">${h.show}</button>
</form>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="page-title"><table class="list">
  <thead><tr><th scope="col">${h.date}</th><th scope="col">${h.name}</th><th scope="col">${h.source}</th><th scope="col"><span class="visually-hidden">${h.remove}</span></th></tr></thead>
  <tbody>${holidays.map(
    (d) => html`<tr><td id="h-${d.date}">${formatDate(new Date(`${d.date}T12:00:00+07:00`), ctx.locale)}</td><td>${ctx.locale === 'en' ? d.nameEn : d.nameTh}</td><td>${h.sources[d.source] ?? d.source}</td>
    <td>${d.source === 'admin' ? actionButton(ctx, `${HOLIDAYS_PATH}/${d.date}/remove`, h.remove, { danger: true, describedBy: `h-${d.date}` }) : ''}</td></tr>`,
  )}</tbody>
</table></div>
<h2 id="add-title">${h.add}</h2>
${errorSummary(m.errorSummary, errors, { date: h.date, nameTh: m.nameTh, nameEn: m.nameEn })}
<form method="post" action="${HOLIDAYS_PATH}" class="narrow" novalidate aria-labelledby="add-title">
  ${ctx.hidden}
  ${textField({ ...common, name: 'date', label: h.date, hint: h.dateHint, required: true, type: 'date' })}
  ${textField({ ...common, name: 'nameTh', label: m.nameTh, required: true, maxlength: 200 })}
  ${textField({ ...common, name: 'nameEn', label: m.nameEn, required: true, maxlength: 200 })}
  <button type="submit" class="button primary">${m.add}</button>
</form>`,
  };
}
