import { html } from '../../../common/html';
import { formatDateTime } from '../../../common/time/thai-calendar';
import type { FailedNotificationListDto } from '../../../modules/notifications/dto/failed-notification.dto';
import type { NotificationTemplate } from '../../../modules/notifications/templates/catalogue';
import type { StaffPageBody } from '../staff-page';
import { actionButton, FormContext, notice, pager } from './admin-fields';
import { adminMessages } from './admin.messages';

export const NOTIFICATIONS_PATH = '/staff/admin/notifications';

/** The mails that gave up, newest first, each with a button that puts it back in line. */
export function notificationsPage(ctx: FormContext, list: FailedNotificationListDto, o: { done?: string; paged?: boolean } = {}): StaffPageBody {
  const m = adminMessages(ctx.locale);
  const n = m.notifications;
  return {
    title: n.title,
    main: html`<h1 id="page-title">${n.title}</h1>
<p>${n.intro}</p>
${notice(o.done)}
${
  list.items.length
    ? html`<div class="table-scroll" role="region" tabindex="0" aria-labelledby="page-title"><table class="list">
  <thead><tr><th scope="col">${n.created}</th><th scope="col">${n.template}</th><th scope="col">${n.case}</th><th scope="col">${n.recipient}</th><th scope="col">${n.attempts}</th><th scope="col">${n.error}</th><th scope="col"><span class="visually-hidden">${n.retry}</span></th></tr></thead>
  <tbody>${list.items.map(
    (i) => html`<tr><td id="n-${i.id}">${formatDateTime(new Date(i.createdAt), ctx.locale)}</td><td>${n.templates[i.template as NotificationTemplate] ?? i.template}</td>
    <td>${i.referenceNo ?? m.none}</td><td>${i.recipient}</td><td>${i.attempts}</td><td class="details">${i.lastError ?? m.none}</td>
    <td>${actionButton(ctx, `${NOTIFICATIONS_PATH}/${i.id}/retry`, n.retry, { describedBy: `n-${i.id}` })}</td></tr>`,
  )}</tbody>
</table></div>`
    : html`<p>${n.none}</p>`
}
${pager(ctx, NOTIFICATIONS_PATH, {}, list.nextCursor, Boolean(o.paged))}`,
  };
}
