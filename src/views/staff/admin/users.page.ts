import { html } from '../../../common/html';
import type { Department } from '../../../modules/departments/department.entity';
import { PASSWORD_MAX, type UserDto } from '../../../modules/users/dto/user.dto';
import { ROLES, type Role } from '../../../modules/users/user.entity';
import { errorSummary, FormErrors, FormValues, textField } from '../../form-fields';
import { href } from '../../layout';
import type { StaffPageBody } from '../staff-page';
import { actionButton, departmentOptions, FormContext, notice, selectField } from './admin-fields';
import { AdminMessages, adminMessages } from './admin.messages';

export const USERS_PATH = '/staff/admin/users';

type RoleLabels = Readonly<Record<Role, string>>;

function labels(m: AdminMessages, newPassword = false): Record<string, string> {
  const u = m.users;
  return { email: u.email, displayName: u.name, role: u.role, departmentId: u.department, password: newPassword ? u.newPassword : u.password, active: m.status };
}

/** Every account with its role, department and sign-in state, and the form that adds one. */
export function usersPage(
  ctx: FormContext,
  roleLabels: RoleLabels,
  users: UserDto[],
  departments: Department[],
  o: { values?: FormValues; errors?: FormErrors; done?: string } = {},
): StaffPageBody {
  const m = adminMessages(ctx.locale);
  const u = m.users;
  const errors = o.errors ?? {};
  const values = o.values ?? { role: 'officer' };
  const common = { values, errors, requiredLabel: m.required };
  const deptName = new Map(departments.map((d) => [d.id, ctx.locale === 'en' ? d.nameEn : d.nameTh]));
  return {
    title: u.title,
    main: html`<h1 id="page-title">${u.title}</h1>
${notice(o.done)}
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="page-title"><table class="list">
  <thead><tr><th scope="col">${u.name}</th><th scope="col">${u.role}</th><th scope="col">${u.department}</th><th scope="col">${u.otp}</th><th scope="col">${m.status}</th><th scope="col"><span class="visually-hidden">${m.edit}</span></th></tr></thead>
  <tbody>${users.map(
    (x) => html`<tr${x.active ? '' : html` class="retired"`}><td>${x.displayName}<br><small>${x.email}</small></td><td>${roleLabels[x.role]}</td>
    <td>${x.departmentId ? deptName.get(x.departmentId) : m.none}</td><td>${x.otpEnrolled ? u.otpOn : u.otpOff}</td><td>${x.active ? m.active : m.inactive}</td>
    <td><a href="${href(ctx, `${USERS_PATH}/${x.id}`)}" aria-label="${m.edit} ${x.displayName}">${m.edit}</a></td></tr>`,
  )}</tbody>
</table></div>
<h2 id="create-title">${u.create}</h2>
${errorSummary(m.errorSummary, errors, labels(m))}
<form method="post" action="${USERS_PATH}" class="narrow" novalidate aria-labelledby="create-title">
  ${ctx.hidden}
  ${textField({ ...common, name: 'displayName', label: u.name, required: true, maxlength: 200, autocomplete: 'off' })}
  ${textField({ ...common, name: 'email', label: u.email, required: true, type: 'email', maxlength: 254, autocomplete: 'off' })}
  ${selectField({ name: 'role', label: u.role, values, errors, options: ROLES.map((r) => ({ value: r, label: roleLabels[r] })) })}
  ${selectField({ name: 'departmentId', label: u.department, hint: u.departmentHint, values, errors, blank: u.noDepartment, options: departmentOptions(ctx, departments) })}
  ${textField({ ...common, name: 'password', label: u.password, hint: u.passwordHint, required: true, type: 'password', maxlength: PASSWORD_MAX, autocomplete: 'new-password' })}
  <button type="submit" class="button primary">${u.create}</button>
</form>`,
  };
}

/** One account: its details, and the buttons for a lost phone and for ending (or restoring) the account. */
export function userEditPage(
  ctx: FormContext,
  roleLabels: RoleLabels,
  user: UserDto,
  departments: Department[],
  o: { values?: FormValues; errors?: FormErrors; done?: string } = {},
): StaffPageBody {
  const m = adminMessages(ctx.locale);
  const u = m.users;
  const errors = o.errors ?? {};
  const values = o.values ?? { displayName: user.displayName, role: user.role, departmentId: user.departmentId ?? '' };
  const common = { values, errors, requiredLabel: m.required };
  const path = `${USERS_PATH}/${user.id}`;
  return {
    title: `${u.editTitle}: ${user.displayName}`,
    main: html`<p><a href="${href(ctx, USERS_PATH)}">${m.back}</a></p>
<h1 id="page-title">${u.editTitle}: ${user.displayName}</h1>
<p>${user.email} · ${user.active ? m.active : m.inactive}</p>
${notice(o.done)}
${errorSummary(m.errorSummary, errors, labels(m, true))}
<form method="post" action="${path}" class="narrow" novalidate>
  ${ctx.hidden}
  ${textField({ ...common, name: 'displayName', label: u.name, required: true, maxlength: 200, autocomplete: 'off' })}
  ${selectField({ name: 'role', label: u.role, values, errors, options: ROLES.map((r) => ({ value: r, label: roleLabels[r] })) })}
  ${selectField({ name: 'departmentId', label: u.department, hint: u.departmentHint, values, errors, blank: u.noDepartment, options: departmentOptions(ctx, departments) })}
  ${textField({ ...common, name: 'password', label: u.newPassword, hint: u.newPasswordHint, type: 'password', maxlength: PASSWORD_MAX, autocomplete: 'new-password' })}
  <button type="submit" class="button primary">${m.save}</button>
</form>
<h2>${u.accountState}</h2>
<div class="action-block"><p class="hint" id="otp-hint">${u.otp}: ${user.otpEnrolled ? u.otpOn : u.otpOff}. ${u.otpResetHint}</p>
${actionButton(ctx, `${path}/otp-reset`, u.otpReset, { describedBy: 'otp-hint' })}</div>
<div class="action-block">${
  user.active
    ? html`<p class="hint" id="active-hint">${u.deactivateHint}</p>${actionButton(ctx, `${path}/active`, u.deactivate, { fields: { active: 'false' }, danger: true, describedBy: 'active-hint' })}`
    : actionButton(ctx, `${path}/active`, u.reactivate, { fields: { active: 'true' } })
}</div>`,
  };
}
