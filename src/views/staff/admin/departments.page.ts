import { html } from '../../../common/html';
import type { Department } from '../../../modules/departments/department.entity';
import { errorSummary, FormErrors, FormValues, textField } from '../../form-fields';
import { href } from '../../layout';
import type { StaffPageBody } from '../staff-page';
import { checkboxField, FormContext, notice } from './admin-fields';
import { adminMessages } from './admin.messages';

export const DEPARTMENTS_PATH = '/staff/admin/departments';

/** Every department, retired ones too, and the form that adds one. */
export function departmentsPage(
  ctx: FormContext,
  departments: Department[],
  o: { values?: FormValues; errors?: FormErrors; done?: string } = {},
): StaffPageBody {
  const m = adminMessages(ctx.locale);
  const errors = o.errors ?? {};
  const common = { values: o.values ?? {}, errors, requiredLabel: m.required };
  return {
    title: m.departments.title,
    main: html`<h1 id="page-title">${m.departments.title}</h1>
${notice(o.done)}
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="page-title"><table class="list">
  <thead><tr><th scope="col">${m.code}</th><th scope="col">${m.nameTh}</th><th scope="col">${m.nameEn}</th><th scope="col">${m.status}</th><th scope="col"><span class="visually-hidden">${m.edit}</span></th></tr></thead>
  <tbody>${departments.map(
    (d) => html`<tr${d.active ? '' : html` class="retired"`}><td><code>${d.code}</code></td><td>${d.nameTh}</td><td>${d.nameEn}</td><td>${d.active ? m.active : m.inactive}</td>
    <td><a href="${href(ctx, `${DEPARTMENTS_PATH}/${d.id}`)}" aria-label="${m.edit} ${d.nameTh}">${m.edit}</a></td></tr>`,
  )}</tbody>
</table></div>
<h2 id="create-title">${m.departments.create}</h2>
${errorSummary(m.errorSummary, errors, { code: m.code, nameTh: m.nameTh, nameEn: m.nameEn })}
<form method="post" action="${DEPARTMENTS_PATH}" class="narrow" novalidate aria-labelledby="create-title">
  ${ctx.hidden}
  ${textField({ ...common, name: 'code', label: m.code, hint: m.codeHint, required: true, maxlength: 32 })}
  ${textField({ ...common, name: 'nameTh', label: m.nameTh, required: true, maxlength: 200 })}
  ${textField({ ...common, name: 'nameEn', label: m.nameEn, required: true, maxlength: 200 })}
  <button type="submit" class="button primary">${m.add}</button>
</form>`,
  };
}

export function departmentEditPage(ctx: FormContext, department: Department, o: { values?: FormValues; errors?: FormErrors } = {}): StaffPageBody {
  const m = adminMessages(ctx.locale);
  const errors = o.errors ?? {};
  const values = o.values ?? { nameTh: department.nameTh, nameEn: department.nameEn, active: String(department.active) };
  const common = { values, errors, requiredLabel: m.required };
  return {
    title: `${m.departments.editTitle}: ${department.nameTh}`,
    main: html`<p><a href="${href(ctx, DEPARTMENTS_PATH)}">${m.back}</a></p>
<h1 id="page-title">${m.departments.editTitle}: ${department.nameTh} <small><code>${department.code}</code></small></h1>
${errorSummary(m.errorSummary, errors, { nameTh: m.nameTh, nameEn: m.nameEn, active: m.active })}
<form method="post" action="${DEPARTMENTS_PATH}/${department.id}" class="narrow" novalidate>
  ${ctx.hidden}
  ${textField({ ...common, name: 'nameTh', label: m.nameTh, required: true, maxlength: 200 })}
  ${textField({ ...common, name: 'nameEn', label: m.nameEn, required: true, maxlength: 200 })}
  ${checkboxField({ name: 'active', label: m.active, hint: m.departments.activeHint, values, errors })}
  <button type="submit" class="button primary">${m.save}</button>
</form>`,
  };
}
