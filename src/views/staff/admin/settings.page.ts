import { html } from '../../../common/html';
import { ALWAYS_OTP_ROLES, CONTACT_CHANNELS, Settings } from '../../../modules/settings/settings.catalogue';
import { ROLES, type Role } from '../../../modules/users/user.entity';
import { errorSummary, FormErrors, FormValues, textField } from '../../form-fields';
import type { StaffPageBody } from '../staff-page';
import { checkboxField, choiceGroup, FormContext, notice } from './admin-fields';
import { AdminMessages, adminMessages } from './admin.messages';

export const SETTINGS_PATH = '/staff/admin/settings';

/** The form's fields are named like the API body (`deadline.mode`), so that errors come back beside them. */
export function settingsValues(s: Settings): FormValues {
  return {
    'organisation.nameTh': s.organisation.nameTh,
    'organisation.nameEn': s.organisation.nameEn,
    ...Object.fromEntries(CONTACT_CHANNELS.map((c) => [`contact.${c}`, s.contact[c] ?? ''])),
    'deadline.mode': s.deadline.mode,
    'deadline.reminderDaysBefore': s.deadline.reminderDaysBefore.join(', '),
    'identity.revealNeedsApproval': String(s.identity.revealNeedsApproval),
    'security.otpRequiredRoles': s.security.otpRequiredRoles.join(','),
  };
}

function labels(m: AdminMessages): Record<string, string> {
  const s = m.settings;
  return {
    'organisation.nameTh': s.orgNameTh,
    'organisation.nameEn': s.orgNameEn,
    ...Object.fromEntries(CONTACT_CHANNELS.map((c) => [`contact.${c}`, s.channels[c]])),
    'deadline.mode': s.mode,
    'deadline.reminderDaysBefore': s.reminders,
    'identity.revealNeedsApproval': s.revealNeedsApproval,
    'security.otpRequiredRoles': s.otpRoles,
  };
}

export interface LogoState {
  /** The address of the current logo, when there is one. */
  src: string | null;
  error?: string;
}

/** Every setting an administrator may change, in one form; the logo has its own (a file upload). */
export function settingsPage(
  ctx: FormContext,
  roleLabels: Readonly<Record<Role, string>>,
  values: FormValues,
  o: { errors?: FormErrors; done?: string; logo?: LogoState } = {},
): StaffPageBody {
  const m = adminMessages(ctx.locale);
  const s = m.settings;
  const errors = o.errors ?? {};
  const common = { values, errors, requiredLabel: m.required };
  const logo = o.logo ?? { src: null };
  return {
    title: s.title,
    main: html`<h1 id="page-title">${s.title}</h1>
${notice(o.done)}
${errorSummary(m.errorSummary, errors, labels(m))}
<form method="post" action="${SETTINGS_PATH}" class="narrow" novalidate id="settings-form">
  ${ctx.hidden}
  <fieldset><legend>${s.organisation}</legend>
    ${textField({ ...common, name: 'organisation.nameTh', label: s.orgNameTh, required: true, maxlength: 200 })}
    ${textField({ ...common, name: 'organisation.nameEn', label: s.orgNameEn, required: true, maxlength: 200 })}
  </fieldset>
  <fieldset><legend>${s.contact}</legend>
    <p class="hint">${s.contactHint}</p>
    ${CONTACT_CHANNELS.map((c) =>
      textField({
        ...common,
        name: `contact.${c}`,
        label: s.channels[c],
        type: c === 'phone' ? 'tel' : c === 'email' ? 'email' : 'text',
        rows: c === 'address' ? 2 : undefined,
        maxlength: c === 'address' ? 500 : 300,
      }),
    )}
  </fieldset>
  <fieldset><legend>${s.deadline}</legend>
    ${choiceGroup({ name: 'deadline.mode', label: s.mode, values, errors, options: (['calendar', 'working'] as const).map((k) => ({ value: k, label: s.modes[k] })) })}
    ${textField({ ...common, name: 'deadline.reminderDaysBefore', label: s.reminders, hint: s.remindersHint, maxlength: 40 })}
  </fieldset>
  <fieldset><legend>${s.identity}</legend>
    ${checkboxField({ name: 'identity.revealNeedsApproval', label: s.revealNeedsApproval, values, errors })}
  </fieldset>
  <fieldset><legend>${s.security}</legend>
    ${choiceGroup({
      name: 'security.otpRequiredRoles',
      label: s.otpRoles,
      hint: s.otpRolesHint,
      values,
      errors,
      multiple: true,
      options: ROLES.map((r) => ({ value: r, label: roleLabels[r] })),
    })}
  </fieldset>
  <button type="submit" class="button primary">${m.save}</button>
</form>
<h2 id="logo-title">${s.logo}</h2>
${logo.src ? html`<p><img src="${logo.src}" alt="${s.logo}" class="logo-preview"></p>` : html`<p>${s.logoNone}</p>`}
<form method="post" action="${SETTINGS_PATH}/logo${ctx.csrf ? `?_csrf=${encodeURIComponent(ctx.csrf)}` : ''}" enctype="multipart/form-data" aria-labelledby="logo-title">
  ${ctx.hidden}
  <div class="field${logo.error ? ' has-error' : ''}">
    <label for="f-logo">${s.logoUpload}</label>
    <p class="hint" id="f-logo-hint">${s.logoHint}</p>
    ${logo.error ? html`<p class="error" id="f-logo-error">${logo.error}</p>` : ''}
    <input type="file" id="f-logo" name="logo" accept="image/png,image/jpeg,image/webp" aria-describedby="f-logo-hint${logo.error ? ' f-logo-error' : ''}"${
      logo.error ? html` aria-invalid="true"` : ''
    }>
  </div>
  <button type="submit" class="button">${s.logoUpload}</button>
</form>
${logo.src ? html`<form method="post" action="${SETTINGS_PATH}/logo/remove">${ctx.hidden}<button type="submit" class="button danger">${s.logoRemove}</button></form>` : ''}`,
  };
}

/**
 * The posted form as the API's UpdateSettingsDto body: every group sent, so
 * a blank contact channel is cleared; the integrity role is always ticked.
 */
export function settingsFromForm(form: Record<string, unknown>): Record<string, unknown> {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
  const list = (name: string) => {
    const v = form[name];
    return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  };
  const reminders = text('deadline.reminderDaysBefore')
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((d) => (/^\d+$/.test(d) ? Number(d) : d));
  return {
    organisation: { nameTh: text('organisation.nameTh'), nameEn: text('organisation.nameEn') },
    contact: Object.fromEntries(CONTACT_CHANNELS.map((c) => [c, text(`contact.${c}`).trim() || null])),
    deadline: { mode: text('deadline.mode') || undefined, reminderDaysBefore: reminders },
    identity: { revealNeedsApproval: text('identity.revealNeedsApproval') === 'true' },
    security: { otpRequiredRoles: [...new Set([...ALWAYS_OTP_ROLES, ...list('security.otpRequiredRoles')])] },
  };
}
